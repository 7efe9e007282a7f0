package loadsuite.nebulagc.standin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.sql.SQLException;

/**
 * The real server's two credentials: a node token ({@code X-NebulaGC-Node-Token}) names a node of
 * a cluster, a cluster token ({@code X-NebulaGC-Cluster-Token}) the cluster. A token is looked up
 * by its HMAC, then compared in constant time; whatever is wrong with it, the answer is the same 401.
 */
final class Auth {
  static final HttpString NODE_TOKEN = HttpString.tryFromString("X-NebulaGC-Node-Token");
  static final HttpString CLUSTER_TOKEN = HttpString.tryFromString("X-NebulaGC-Cluster-Token");

  /** The node a request comes from. */
  record Node(String id, String tenantId, String clusterId, boolean admin) {}

  /** The cluster a request acts on. */
  record Cluster(String id, String tenantId) {}

  private final NebulaDatabase database;
  private final Tokens tokens;

  Auth(NebulaDatabase database, Tokens tokens) {
    this.database = database;
    this.tokens = tokens;
  }

  Node node(HttpServerExchange exchange) throws SQLException {
    String token = presented(exchange, NODE_TOKEN);
    String hash = tokens.hash(token);
    Node node = database.read(connection -> Sql.one(connection,
        "SELECT id, tenant_id, cluster_id, is_admin, token_hash FROM nodes WHERE token_hash = ? LIMIT 1",
        row -> Tokens.sameHash(hash, row.getString(5))
            ? new Node(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4))
            : null,
        hash));
    if (node == null) {
      throw ApiError.unauthorized();
    }
    return node;
  }

  Cluster cluster(HttpServerExchange exchange) throws SQLException {
    String token = presented(exchange, CLUSTER_TOKEN);
    String hash = tokens.hash(token);
    Cluster cluster = database.read(connection -> Sql.one(connection,
        "SELECT id, tenant_id, cluster_token_hash FROM clusters WHERE cluster_token_hash = ? LIMIT 1",
        row -> Tokens.sameHash(hash, row.getString(3)) ? new Cluster(row.getString(1), row.getString(2)) : null,
        hash));
    if (cluster == null) {
      throw ApiError.unauthorized();
    }
    return cluster;
  }

  private static String presented(HttpServerExchange exchange, HttpString header) {
    String token = exchange.getRequestHeaders().getFirst(header);
    if (token == null || token.length() < Tokens.MIN_LENGTH) {
      throw ApiError.unauthorized();
    }
    return token;
  }
}
