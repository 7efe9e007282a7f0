package loadsuite.registry.standin;

import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a request path asks for: the route, the repository name and the last segment (digest,
 * tag or upload id). Parsed from the raw, undecoded path by its last segments, since a name
 * may have any number of segments ({@code library/app}).
 */
record RegistryPath(Route route, String name, String reference) {
  /** The spec's repository name grammar; a percent sign, upper case or {@code ..} never match it. */
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
  /** As CNCF Distribution limits it. */
  private static final int MAX_NAME_LENGTH = 255;

  enum Route {
    HEALTH(Methods.GET, Methods.HEAD),
    BASE(Methods.GET, Methods.HEAD),
    CATALOG(Methods.GET),
    TAGS(Methods.GET),
    MANIFEST(Methods.GET, Methods.HEAD, Methods.PUT, Methods.DELETE),
    BLOB(Methods.GET, Methods.HEAD, Methods.DELETE),
    UPLOAD_START(Methods.POST),
    UPLOAD(Methods.GET, Methods.PATCH, Methods.PUT, Methods.DELETE);

    final Set<HttpString> methods;

    Route(HttpString... methods) {
      this.methods = Set.of(methods);
    }
  }

  /** The route of {@code rawPath}, or null when there is none; 400 {@code NAME_INVALID} for a bad name. */
  static RegistryPath parse(String rawPath) {
    switch (rawPath) {
      case "/health", "/health/ready" -> {
        return new RegistryPath(Route.HEALTH, null, null);
      }
      case "/v2", "/v2/" -> {
        return new RegistryPath(Route.BASE, null, null);
      }
      case "/v2/_catalog" -> {
        return new RegistryPath(Route.CATALOG, null, null);
      }
      default -> {
        return rawPath.startsWith("/v2/") ? parseRepositoryPath(rawPath.substring(4).split("/", -1)) : null;
      }
    }
  }

  /** 400 {@code NAME_INVALID} unless {@code name} follows the grammar. */
  static String checkName(String name) {
    if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new RegistryError(400, RegistryError.Code.NAME_INVALID,
          "'" + name + "' is not a repository name: lowercase letters and digits in components separated"
              + " by '/', with '.', '_', '__' or dashes inside components, at most " + MAX_NAME_LENGTH + " characters");
    }
    return name;
  }

  private static RegistryPath parseRepositoryPath(String[] segments) {
    int n = segments.length;
    String last = segments[n - 1];
    if (n >= 4 && segments[n - 3].equals("blobs") && segments[n - 2].equals("uploads")) {
      return of(last.isEmpty() ? Route.UPLOAD_START : Route.UPLOAD, segments, n - 3, last);
    }
    if (n >= 3 && segments[n - 2].equals("blobs") && last.equals("uploads")) {
      return of(Route.UPLOAD_START, segments, n - 2, "");
    }
    if (n >= 3 && segments[n - 2].equals("tags") && last.equals("list")) {
      return of(Route.TAGS, segments, n - 2, null);
    }
    if (n >= 2 && segments[n - 2].equals("manifests")) {
      return of(Route.MANIFEST, segments, n - 2, last);
    }
    if (n >= 2 && segments[n - 2].equals("blobs")) {
      return of(Route.BLOB, segments, n - 2, last);
    }
    return null;
  }

  private static RegistryPath of(Route route, String[] segments, int nameEnd, String reference) {
    List<String> name = Arrays.asList(segments).subList(0, nameEnd);
    return new RegistryPath(route, checkName(String.join("/", name)), reference);
  }
}
