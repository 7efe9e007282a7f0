package loadsuite.runtime;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import loadsuite.standin.StandInServer;

/**
 * For the tests: the runtime's {@code GET /health} and {@code GET /simple} on the stand-ins' server,
 * holding the {@code /simple} requests a {@link Hold} says before answering, and failing those it is
 * told to, so that a run meets a system whose latency and failures are known.
 */
final class HoldingRuntime implements AutoCloseable {
  /** How long to hold the n-th {@code /simple} (from 1) that arrives at epoch millisecond {@code now}; 0 answers at once. */
  @FunctionalInterface
  interface Hold {
    long millis(long n, long now);
  }

  private final Hold hold;
  /** Whether the n-th {@code /simple} (from 1) is answered 500. */
  private final LongPredicate fails;
  private final AtomicLong simple = new AtomicLong();
  private final AtomicLong held = new AtomicLong();
  private final StandInServer server = StandInServer.start("127.0.0.1", 0, new BlockingHandler(this::answer), builder -> builder);

  HoldingRuntime(Hold hold) {
    this(hold, n -> false);
  }

  HoldingRuntime(Hold hold, LongPredicate fails) {
    this.hold = hold;
    this.fails = fails;
  }

  String url() {
    return server.baseUrl();
  }

  /** How many requests were held. */
  long held() {
    return held.get();
  }

  private void answer(HttpServerExchange exchange) throws InterruptedException {
    if (exchange.getRequestPath().equals("/simple")) {
      long n = simple.incrementAndGet();
      if (fails.test(n)) {
        exchange.setStatusCode(500);
      }
      long millis = hold.millis(n, System.currentTimeMillis());
      if (millis > 0) {
        held.incrementAndGet();
        Thread.sleep(millis);
      }
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send("{\"message\":\"Hello, World!\"}");
  }

  @Override
  public void close() {
    server.close();
  }
}
