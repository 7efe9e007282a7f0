package loadsuite.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import loadsuite.http.HttpClients;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when the system's health route answers on loopback (any HTTP answer, as in external mode).
 * Host networking reports no port mappings, so Testcontainers' own HTTP wait cannot be used.
 * Remembers when the answer came, for the startup probe.
 */
final class HealthRouteWait extends AbstractWaitStrategy {
  private static final Duration POLL = Duration.ofMillis(20);

  private final URI url;
  private final HttpClient client = HttpClients.http11(Duration.ofSeconds(1)).build();
  private volatile java.time.Instant readyAt;
  private volatile String logAtFailure = "";

  HealthRouteWait(URI url) {
    this.url = url;
  }

  /** When the health route first answered, on the wall clock the engine's timestamps use. */
  java.time.Instant readyAt() {
    return readyAt;
  }

  /** The container's log when it failed to become ready (read then: it may be gone afterwards). */
  String logAtFailure() {
    return logAtFailure;
  }

  private ContainerLaunchException failure(String message) {
    try {
      logAtFailure = waitStrategyTarget.getLogs();
    } catch (RuntimeException e) {
      logAtFailure = "(its log could not be read: " + e.getMessage() + ")";
    }
    return new ContainerLaunchException(message);
  }

  @Override
  protected void waitUntilReady() {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
    while (System.nanoTime() < deadline) {
      try {
        client.send(request, HttpResponse.BodyHandlers.discarding());
        readyAt = java.time.Instant.now();
        return;
      } catch (IOException notYet) {
        if (!waitStrategyTarget.isRunning()) {
          throw failure("the container exited before " + url + " answered");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for " + url);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ContainerLaunchException("interrupted while waiting for " + url);
      }
    }
    throw failure(url + " did not answer within sut.container.ready-timeout (" + startupTimeout.toSeconds() + " s)");
  }
}
