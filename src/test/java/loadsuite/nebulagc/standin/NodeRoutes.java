package loadsuite.nebulagc.standin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/nodes}: an admin node creates, lists, changes and deletes the nodes of its cluster. */
final class NodeRoutes {
  private static final int MAX_NAME_BYTES = 255;
  private static final int MIN_MTU = 1280;
  private static final int MAX_MTU = 9000;
  private static final int DEFAULT_MTU = 1300;
  private static final int DEFAULT_PAGE_SIZE = 50;
  private static final int MAX_PAGE_SIZE = 500;
  private static final String SUMMARY_COLUMNS = "id, name, is_admin, mtu, is_lighthouse, is_relay, routes, created_at";

  /** A node as the list and the MTU change show it. */
  record NodeSummary(String nodeId, String name, boolean isAdmin, int mtu, boolean isLighthouse, boolean isRelay,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> routes, String createdAt, String updatedAt) {
    static NodeSummary of(ResultSet row) throws SQLException {
      return new NodeSummary(row.getString(1), row.getString(2), row.getBoolean(3), row.getInt(4), row.getBoolean(5),
          row.getBoolean(6), AdvertisedRoutes.parse(row.getString(7)), row.getString(8), row.getString(8));
    }
  }

  record NodeCredentials(String nodeId, String nodeToken, String clusterToken, String createdAt) {}

  record NodeList(String clusterId, List<NodeSummary> nodes, int total, int page, int perPage) {}

  record RotatedToken(String nodeId, String nodeToken, String rotatedAt) {}

  private final NebulaDatabase database;
  private final Tokens tokens;

  NodeRoutes(NebulaDatabase database, Tokens tokens) {
    this.database = database;
    this.tokens = tokens;
  }

  /** 201 with the new node's token; the cluster token is the header the request carried, as the real server echoes it. */
  void create(HttpServerExchange exchange, Auth.Node admin) throws Exception {
    JsonNode body = Exchanges.jsonObject(exchange);
    String name = JsonFields.requiredText(body, "name");
    boolean isAdmin = JsonFields.bool(body, "is_admin");
    Integer mtu = JsonFields.integer(body, "mtu");
    if (name.isBlank() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw ApiError.invalidRequest();
    }
    int nodeMtu = mtu == null || mtu == 0 ? DEFAULT_MTU : validMtu(mtu);
    String nodeId = UUID.randomUUID().toString();
    String token = Tokens.generate();
    String createdAt = NebulaDatabase.now();
    database.write(connection -> {
      if (Sql.one(connection, "SELECT 1 FROM nodes WHERE cluster_id = ? AND name = ?", row -> true, admin.clusterId(), name) != null) {
        throw new ApiError(409, "conflict", "Resource already exists");
      }
      Sql.update(connection, "INSERT INTO nodes (id, tenant_id, cluster_id, name, is_admin, token_hash, mtu, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          nodeId, admin.tenantId(), admin.clusterId(), name, isAdmin ? 1 : 0, tokens.hash(token), nodeMtu, createdAt);
      ClusterChanges.bumpVersion(connection, admin.clusterId());
      return null;
    });
    String clusterToken = exchange.getRequestHeaders().getFirst(Auth.CLUSTER_TOKEN);
    Exchanges.data(exchange, 201, new NodeCredentials(nodeId, token, clusterToken == null ? "" : clusterToken, createdAt));
  }

  void list(HttpServerExchange exchange, Auth.Node admin) throws Exception {
    int page = positive(Exchanges.query(exchange, "page"), 1);
    int pageSize = Math.min(MAX_PAGE_SIZE, positive(Exchanges.query(exchange, "page_size"), DEFAULT_PAGE_SIZE));
    NodeList list = database.read(connection -> {
      int total = Sql.one(connection, "SELECT COUNT(*) FROM nodes WHERE cluster_id = ?", row -> row.getInt(1), admin.clusterId());
      List<NodeSummary> nodes = Sql.list(connection, "SELECT " + SUMMARY_COLUMNS
          + " FROM nodes WHERE cluster_id = ? ORDER BY created_at, rowid LIMIT ? OFFSET ?",
          NodeSummary::of, admin.clusterId(), pageSize, (long) (page - 1) * pageSize);
      return new NodeList(admin.clusterId(), nodes, total, page, pageSize);
    });
    Exchanges.data(exchange, 200, list);
  }

  void updateMtu(HttpServerExchange exchange, Auth.Node admin) throws Exception {
    String nodeId = Exchanges.pathParameter(exchange, "id");
    Integer mtu = JsonFields.integer(Exchanges.jsonObject(exchange), "mtu");
    if (mtu == null) {
      throw ApiError.invalidRequest();
    }
    int newMtu = validMtu(mtu);
    ClusterChanges.updateNode(database, admin.clusterId(), "UPDATE nodes SET mtu = ? WHERE id = ? AND cluster_id = ?",
        newMtu, nodeId, admin.clusterId());
    NodeSummary summary = database.read(connection ->
        Sql.one(connection, "SELECT " + SUMMARY_COLUMNS + " FROM nodes WHERE id = ?", NodeSummary::of, nodeId));
    if (summary == null) {
      throw ApiError.notFound();
    }
    Exchanges.data(exchange, 200, summary);
  }

  /** A new token for the node; its old one fails from now on. */
  void rotateToken(HttpServerExchange exchange, Auth.Node admin) throws Exception {
    String nodeId = Exchanges.pathParameter(exchange, "id");
    String token = Tokens.generate();
    ClusterChanges.updateNode(database, admin.clusterId(), "UPDATE nodes SET token_hash = ? WHERE id = ? AND cluster_id = ?",
        tokens.hash(token), nodeId, admin.clusterId());
    Exchanges.data(exchange, 200, new RotatedToken(nodeId, token, NebulaDatabase.now()));
  }

  void delete(HttpServerExchange exchange, Auth.Node admin) throws Exception {
    String nodeId = Exchanges.pathParameter(exchange, "id");
    ClusterChanges.updateNode(database, admin.clusterId(), "DELETE FROM nodes WHERE id = ? AND cluster_id = ?", nodeId, admin.clusterId());
    exchange.setStatusCode(204);
  }

  private static int validMtu(int mtu) {
    if (mtu < MIN_MTU || mtu > MAX_MTU) {
      throw ApiError.invalidRequest();
    }
    return mtu;
  }

  /**
   * A positive whole number, or {@code absent} when the parameter is not given. The real server
   * reads page 0 or "x" as page 1; here they are the 400 they mean.
   */
  private static int positive(String value, int absent) {
    if (value == null) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // the same 400 as zero or below
    }
    throw ApiError.invalidRequest();
  }
}
