package loadsuite.load;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.function.Function;

/**
 * Gatling's {@code http(name)} as {@link NamedRequests#http} gives it: the verbs the systems send,
 * each request silent when it is built for the warm-up ({@link WarmUp}).
 */
public final class NamedHttp {
  private final Http http;

  NamedHttp(Http http) {
    this.http = http;
  }

  public HttpRequestActionBuilder get(String url) {
    return sent(http.get(url));
  }

  public HttpRequestActionBuilder get(Function<Session, String> url) {
    return sent(http.get(url));
  }

  public HttpRequestActionBuilder head(Function<Session, String> url) {
    return sent(http.head(url));
  }

  public HttpRequestActionBuilder post(String url) {
    return sent(http.post(url));
  }

  public HttpRequestActionBuilder post(Function<Session, String> url) {
    return sent(http.post(url));
  }

  public HttpRequestActionBuilder put(String url) {
    return sent(http.put(url));
  }

  public HttpRequestActionBuilder put(Function<Session, String> url) {
    return sent(http.put(url));
  }

  public HttpRequestActionBuilder patch(String url) {
    return sent(http.patch(url));
  }

  public HttpRequestActionBuilder patch(Function<Session, String> url) {
    return sent(http.patch(url));
  }

  public HttpRequestActionBuilder delete(String url) {
    return sent(http.delete(url));
  }

  /** The request as the chain being built sends it: silent in the warm-up. */
  private static HttpRequestActionBuilder sent(HttpRequestActionBuilder request) {
    return WarmUp.building() ? request.silent() : request;
  }
}
