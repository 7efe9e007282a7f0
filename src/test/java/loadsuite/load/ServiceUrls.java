package loadsuite.load;

import io.gatling.javaapi.core.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base URL of each service of a system, in every virtual user's session: a request to a
 * service other than the protocol's base URL (the first service) is built with {@link #of}.
 */
public final class ServiceUrls {
  private static final String PREFIX = "baseUrl.";

  private ServiceUrls() {}

  /** The session values that carry the URLs. */
  public static Map<String, Object> sessionValues(Map<String, String> urls) {
    Map<String, Object> values = new LinkedHashMap<>();
    urls.forEach((service, url) -> values.put(PREFIX + service, url));
    return values;
  }

  /** The base URL of {@code service}, such as {@code http://127.0.0.1:41234}. */
  public static String of(Session session, String service) {
    String url = session.getString(PREFIX + service);
    if (url == null) {
      throw new IllegalStateException("no service '" + service + "' in this system");
    }
    return url;
  }
}
