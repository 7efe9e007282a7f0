package loadsuite.sut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import loadsuite.http.HttpClients;

/** A service the user runs, at {@code -Dsut.url=} or {@code -Dsut.urls.<service>=}; it must answer its health route before any load. */
public final class ExternalService implements RunningService {
  private final String baseUrl;
  private final String label;

  private ExternalService(String baseUrl, String label) {
    this.baseUrl = baseUrl;
    this.label = label;
  }

  /**
   * Any HTTP answer counts as reachable: the goals, not this check, judge the answers.
   *
   * @param label the system, with the service when it has several ("freightliner source")
   * @param property the {@code -D} option that gave the URL, named in the fix
   */
  public static ExternalService check(String baseUrl, String label, String property, String healthPath, Duration timeout) {
    String url = baseUrl.replaceAll("/+$", "") + healthPath;
    HttpClient client = HttpClients.http11(timeout).build();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
      client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new SutUnavailableException("the " + label + " at " + baseUrl + " does not answer (GET " + url + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "): start it, or point -D" + property + " at a running one. No load was sent.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SutUnavailableException("interrupted while checking " + url, e);
    }
    return new ExternalService(baseUrl.replaceAll("/+$", ""), label);
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String mode() {
    return "external";
  }

  @Override
  public String description() {
    return "external " + label + " at " + baseUrl;
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
