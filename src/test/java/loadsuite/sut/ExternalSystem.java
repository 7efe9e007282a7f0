package loadsuite.sut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A system the user runs, at {@code -Dsut.url=}; it must answer its health route before any load. */
final class ExternalSystem implements SystemUnderTest {
  private final String baseUrl;
  private final String system;

  private ExternalSystem(String baseUrl, String system) {
    this.baseUrl = baseUrl;
    this.system = system;
  }

  /** Any HTTP answer counts as reachable: the goals, not this check, judge the answers. */
  static ExternalSystem check(String baseUrl, String system, String healthPath, Duration timeout) {
    String url = baseUrl.replaceAll("/+$", "") + healthPath;
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
      client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new SutUnavailableException("the " + system + " at " + baseUrl + " does not answer (GET " + url + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "): start it, or point -Dsut.url at a running one. No load was sent.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SutUnavailableException("interrupted while checking " + url, e);
    }
    return new ExternalSystem(baseUrl.replaceAll("/+$", ""), system);
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
    return "external " + system + " at " + baseUrl;
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
