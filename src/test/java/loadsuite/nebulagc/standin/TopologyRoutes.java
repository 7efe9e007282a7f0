package loadsuite.nebulagc.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/topology} and the cluster token's rotation, all with the cluster token: which
 * nodes are lighthouses (with their public address) and relays, and every node's routes.
 */
final class TopologyRoutes {
  record Lighthouse(String nodeId, String name, String publicIp, int port) {}

  record Relay(String nodeId, String name) {}

  /** The real server's answer: no cluster id nor lighthouse flag (its model has them, its handler does not send them). */
  record Topology(List<Lighthouse> lighthouses, List<Relay> relays, Map<String, List<String>> routes) {}

  private record NodeRole(String id, String name, boolean lighthouse, String publicIp, int port, boolean relay, List<String> routes) {}

  private final NebulaDatabase database;
  private final Tokens tokens;

  TopologyRoutes(NebulaDatabase database, Tokens tokens) {
    this.database = database;
    this.tokens = tokens;
  }

  void get(HttpServerExchange exchange, Auth.Cluster cluster) throws Exception {
    Topology topology = database.read(connection -> {
      List<NodeRole> nodes = Sql.list(connection,
          "SELECT id, name, is_lighthouse, lighthouse_public_ip, lighthouse_port, is_relay, routes FROM nodes WHERE cluster_id = ?",
          row -> new NodeRole(row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4), row.getInt(5),
              row.getBoolean(6), AdvertisedRoutes.parse(row.getString(7))),
          cluster.id());
      return topologyOf(nodes);
    });
    Exchanges.data(exchange, 200, topology);
  }

  /** Body {@code {"node_id", "public_ip", "port"}}; the first two are required. */
  void assignLighthouse(HttpServerExchange exchange, Auth.Cluster cluster) throws Exception {
    JsonNode body = Exchanges.jsonObject(exchange);
    String nodeId = JsonFields.requiredText(body, "node_id");
    String publicIp = JsonFields.requiredText(body, "public_ip");
    Integer port = JsonFields.integer(body, "port");
    if (!IpText.isIp(publicIp)) {
      throw ApiError.invalidRequest();
    }
    ClusterChanges.updateNode(database, cluster.id(), "UPDATE nodes SET is_lighthouse = 1, lighthouse_public_ip = ?, lighthouse_port = ?,"
        + " lighthouse_relay_updated_at = ? WHERE id = ? AND cluster_id = ?",
        publicIp, port == null ? 0 : port, NebulaDatabase.now(), nodeId, cluster.id());
    Exchanges.message(exchange, "Lighthouse status assigned");
  }

  void unassignLighthouse(HttpServerExchange exchange, Auth.Cluster cluster) throws Exception {
    ClusterChanges.updateNode(database, cluster.id(), "UPDATE nodes SET is_lighthouse = 0, lighthouse_public_ip = NULL, lighthouse_port = NULL,"
        + " lighthouse_relay_updated_at = ? WHERE id = ? AND cluster_id = ?",
        NebulaDatabase.now(), Exchanges.pathParameter(exchange, "node_id"), cluster.id());
    Exchanges.message(exchange, "Lighthouse status removed");
  }

  /** Body {@code {"node_id"}}. */
  void assignRelay(HttpServerExchange exchange, Auth.Cluster cluster) throws Exception {
    String nodeId = JsonFields.requiredText(Exchanges.jsonObject(exchange), "node_id");
    ClusterChanges.updateNode(database, cluster.id(), "UPDATE nodes SET is_relay = 1, lighthouse_relay_updated_at = ? WHERE id = ? AND cluster_id = ?",
        NebulaDatabase.now(), nodeId, cluster.id());
    Exchanges.message(exchange, "Relay status assigned");
  }

  void unassignRelay(HttpServerExchange exchange, Auth.Cluster cluster) throws Exception {
    ClusterChanges.updateNode(database, cluster.id(), "UPDATE nodes SET is_relay = 0, lighthouse_relay_updated_at = ? WHERE id = ? AND cluster_id = ?",
        NebulaDatabase.now(), Exchanges.pathParameter(exchange, "node_id"), cluster.id());
    Exchanges.message(exchange, "Relay status removed");
  }

  /** A new cluster token; the old one fails from now on. Node tokens stay valid. */
  void rotateClusterToken(HttpServerExchange exchange, Auth.Cluster cluster) throws Exception {
    String token = Tokens.generate();
    database.write(connection -> Sql.update(connection, "UPDATE clusters SET cluster_token_hash = ? WHERE id = ?",
        tokens.hash(token), cluster.id()));
    Exchanges.data(exchange, 200, Map.of("token", token, "message", "Cluster token rotated successfully"));
  }

  private static Topology topologyOf(List<NodeRole> nodes) {
    List<Lighthouse> lighthouses = new ArrayList<>();
    List<Relay> relays = new ArrayList<>();
    Map<String, List<String>> routes = new LinkedHashMap<>();
    for (NodeRole node : nodes) {
      if (node.lighthouse()) {
        lighthouses.add(new Lighthouse(node.id(), node.name(), node.publicIp(), node.port()));
      }
      if (node.relay()) {
        relays.add(new Relay(node.id(), node.name()));
      }
      if (!node.routes().isEmpty()) {
        routes.put(node.id(), node.routes());
      }
    }
    return new Topology(lighthouses, relays, routes);
  }
}
