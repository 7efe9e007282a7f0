package loadsuite.nebulagc.standin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/config}: the cluster's config version, and its config bundle (a gzip tarball)
 * downloaded by any node and uploaded by an admin node.
 *
 * <p>As in the real server, the config version counts every change to the cluster (nodes, routes,
 * lighthouses, relays, bundles) while a bundle keeps the version it was uploaded at; so a download
 * answers 304 only when the client names the cluster's current version, and otherwise sends the
 * latest bundle, even if the client already has it.
 */
final class ConfigRoutes {
  private static final HttpString CONFIG_VERSION = HttpString.tryFromString("X-Config-Version");
  /** The only form of If-None-Match the real server reads: {@code "v42"}. */
  private static final Pattern ETAG = Pattern.compile("\"v(\\d{1,18})\"");

  private record Bundle(long version, byte[] data) {}

  private final NebulaDatabase database;
  private final int maxBundleBytes;
  private final String tooLarge;

  ConfigRoutes(NebulaDatabase database, int maxBundleBytes) {
    this.database = database;
    this.maxBundleBytes = maxBundleBytes;
    tooLarge = "Bundle exceeds " + (maxBundleBytes % (1 << 20) == 0 ? (maxBundleBytes >> 20) + " MiB" : maxBundleBytes + " bytes")
        + " size limit";
  }

  void version(HttpServerExchange exchange, Auth.Node node) throws Exception {
    Exchanges.data(exchange, 200, Map.of("version", currentVersion(node)));
  }

  void download(HttpServerExchange exchange, Auth.Node node) throws Exception {
    long clientVersion = 0;
    String currentParameter = Exchanges.query(exchange, "current_version");
    if (currentParameter != null && !currentParameter.isEmpty()) {
      try {
        clientVersion = Long.parseLong(currentParameter);
      } catch (NumberFormatException e) {
        throw new ApiError(400, "invalid_version", "Invalid version parameter");
      }
    }
    String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
    Matcher etag = ifNoneMatch == null ? null : ETAG.matcher(ifNoneMatch.trim());
    if (etag != null && etag.matches()) {
      clientVersion = Math.max(clientVersion, Long.parseLong(etag.group(1)));
    }
    long current = currentVersion(node);
    if (clientVersion > 0 && clientVersion == current) {
      exchange.getResponseHeaders().put(Headers.ETAG, etagOf(current));
      exchange.setStatusCode(304);
      return;
    }
    Bundle bundle = database.read(connection -> Sql.one(connection,
        "SELECT version, data FROM config_bundles WHERE cluster_id = ? ORDER BY version DESC LIMIT 1",
        row -> new Bundle(row.getLong(1), row.getBytes(2)), node.clusterId()));
    if (bundle == null) {
      throw ApiError.notFound(); // the real server answers 500 here, a defect
    }
    exchange.getResponseHeaders()
        .put(Headers.CONTENT_TYPE, "application/gzip")
        .put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"config-v" + bundle.version() + ".tar.gz\"")
        .put(Headers.ETAG, etagOf(bundle.version()))
        .put(CONFIG_VERSION, Long.toString(bundle.version()));
    exchange.getResponseSender().send(ByteBuffer.wrap(bundle.data()));
  }

  /** A new bundle becomes the cluster's next config version. */
  void upload(HttpServerExchange exchange, Auth.Node admin) throws Exception {
    String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (!"application/gzip".equals(contentType) && !"application/x-gzip".equals(contentType)) {
      throw new ApiError(400, "invalid_content_type", "Content-Type must be application/gzip");
    }
    byte[] data = Exchanges.body(exchange, maxBundleBytes, "bundle_too_large", tooLarge);
    BundleArchive.validate(data);
    long version = database.write(connection -> {
      long next = Sql.one(connection, "SELECT config_version FROM clusters WHERE id = ?", row -> row.getLong(1), admin.clusterId()) + 1;
      Sql.update(connection, "UPDATE clusters SET config_version = ? WHERE id = ?", next, admin.clusterId());
      Sql.update(connection, "INSERT INTO config_bundles (version, tenant_id, cluster_id, data, created_by, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)", next, admin.tenantId(), admin.clusterId(), data, admin.id(), NebulaDatabase.now());
      return next;
    });
    Exchanges.data(exchange, 200, Map.of("version", version, "message", "Bundle uploaded successfully"));
  }

  private long currentVersion(Auth.Node node) throws Exception {
    Long version = database.read(connection -> Sql.one(connection,
        "SELECT config_version FROM clusters WHERE id = ?", row -> row.getLong(1), node.clusterId()));
    if (version == null) {
      throw ApiError.notFound();
    }
    return version;
  }

  private static String etagOf(long version) {
    return "\"v" + version + "\"";
  }
}
