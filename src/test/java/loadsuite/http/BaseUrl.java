package loadsuite.http;

import java.net.URI;

/**
 * Joins a service's base URL and a path as Gatling does (its base URL followed by the path), so
 * that a base URL with a path prefix ({@code http://127.0.0.1:3000/api}) keeps it for every request
 * of the suite, in the load and before it. A URL with a scheme is used as it is.
 */
public final class BaseUrl {
  private BaseUrl() {}

  /** {@code path} starting with {@code /} (a route, or a registry's relative {@code Location}), or an absolute URL. */
  public static URI join(String baseUrl, String pathOrUrl) {
    if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
      return URI.create(pathOrUrl);
    }
    return URI.create(baseUrl.replaceAll("/+$", "") + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
  }
}
