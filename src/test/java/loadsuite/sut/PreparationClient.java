package loadsuite.sut;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import loadsuite.http.HttpClients;

/**
 * The HTTP client of a system's preparation: the requests that make or read the data a workload
 * needs, sent before the load. A request that gets no answer, or an interrupt, stops the run
 * before any load with a message that names the system and the request.
 */
public final class PreparationClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private final HttpClient http = HttpClients.http11(CONNECT_TIMEOUT).build();
  private final String system;

  /** @param system how messages name the system: {@code the NebulaGC at http://127.0.0.1:8080} */
  public PreparationClient(String system) {
    this.system = system;
  }

  /** Sends the request and gives the answer, whatever its status. */
  public HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SutUnavailableException(system + " did not answer " + request.method() + " " + request.uri().getRawPath()
          + " while the load was being prepared: " + Objects.requireNonNullElse(e.getMessage(), e.toString()) + ". No load was sent.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SutUnavailableException("interrupted while preparing the load", e);
    }
  }

  /** Waits between requests (pacing, or a retry); an interrupt stops the run before any load. */
  public static void pause(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SutUnavailableException("interrupted while preparing the load", e);
    }
  }
}
