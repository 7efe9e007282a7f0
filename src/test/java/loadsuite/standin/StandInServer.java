package loadsuite.standin;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;
import org.xnio.Options;

/**
 * The Undertow server under every stand-in: bound to the given address (port 0 picks a free
 * one), stopped gracefully (503 to new requests, those in flight finish).
 */
public final class StandInServer {
  private static final long SHUTDOWN_WAIT_MS = 5000;

  private final GracefulShutdownHandler shutdown;
  private final Undertow server;
  private final String baseUrl;

  private StandInServer(String host, int port, HttpHandler handler, UnaryOperator<Undertow.Builder> tuning) {
    shutdown = Handlers.gracefulShutdown(handler);
    Undertow.Builder builder = Undertow.builder()
        .addHttpListener(port, host)
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        // daemon threads: a run that crashes before after() must not be kept alive by its stand-in
        .setWorkerOption(Options.THREAD_DAEMON, true)
        .setHandler(shutdown);
    server = tuning.apply(builder).build();
    server.start();
    InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    baseUrl = "http://" + host + ":" + address.getPort();
  }

  /** Starts {@code handler} on {@code host:port}; {@code tuning} sets server options of the stand-in's own. */
  public static StandInServer start(String host, int port, HttpHandler handler, UnaryOperator<Undertow.Builder> tuning) {
    return new StandInServer(host, port, handler, tuning);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public void close() {
    shutdown.shutdown();
    try {
      shutdown.awaitShutdown(SHUTDOWN_WAIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop();
  }
}
