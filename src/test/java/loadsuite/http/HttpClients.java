package loadsuite.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one way the suite builds the JDK's HttpClient outside Gatling: HTTP/1.1, as registry clients
 * and Gatling speak, and no proxy. At its default version the JDK's client offers an HTTP/2 upgrade
 * ({@code Upgrade: h2c}, with {@code Content-Length: 0} even on GET) on each new plain-http
 * connection, which some servers refuse: Deno, under the seed's own registry, answers 400.
 */
public final class HttpClients {
  private HttpClients() {}

  public static HttpClient.Builder http11(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
        .proxy(HttpClient.Builder.NO_PROXY);
  }
}
