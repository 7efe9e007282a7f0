package loadsuite.runtime;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.util.concurrent.atomic.AtomicLong;
import loadsuite.standin.StandInServer;

/**
 * For the tests: the runtime's {@code GET /health} and {@code GET /simple} on the stand-ins' server,
 * holding the {@code /simple} requests a {@link Hold} says before answering, so that a run meets a
 * system whose latency is known.
 */
final class HoldingRuntime implements AutoCloseable {
  /** How long to hold the n-th {@code /simple} (from 1) that arrives at epoch millisecond {@code now}; 0 answers at once. */
  @FunctionalInterface
  interface Hold {
    long millis(long n, long now);
  }

  private final Hold hold;
  private final AtomicLong simple = new AtomicLong();
  private final AtomicLong held = new AtomicLong();
  private final StandInServer server = StandInServer.start("127.0.0.1", 0, new BlockingHandler(this::answer), builder -> builder);

  HoldingRuntime(Hold hold) {
    this.hold = hold;
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
      long millis = hold.millis(simple.incrementAndGet(), System.currentTimeMillis());
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
