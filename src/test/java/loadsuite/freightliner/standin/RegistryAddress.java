package loadsuite.freightliner.standin;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A registry named in a job, as {@code host:port} (Freightliner's form) or {@code http://host:port}.
 * Here every registry must be on loopback: the stand-in never sends anything off the machine.
 */
record RegistryAddress(String baseUrl) {
  static RegistryAddress parse(String field, String text) {
    URI uri;
    try {
      uri = URI.create(text.contains("://") ? text : "http://" + text);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, field + " must be host:port or http://host:port, got '" + text + "'");
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new ApiError(400, field + " must be host:port or http://host:port, got '" + text + "'");
    }
    if (!isLoopback(uri.getHost())) {
      throw new ApiError(400, field + " must be a registry on loopback (127.0.0.0/8, ::1, localhost) for this stand-in, got '"
          + text + "'");
    }
    return new RegistryAddress("http://" + uri.getHost() + ":" + uri.getPort());
  }

  /** Only literal loopback addresses and localhost: no name is looked up. */
  private static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
