package loadsuite.nebulagc.standin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/routes}: the subnets (CIDR) a node advertises, set by the node itself and read
 * for the node or the whole cluster. Stored as the real server stores them: a JSON array in the
 * node's row, empty text when there are none.
 */
final class AdvertisedRoutes {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final NebulaDatabase database;

  AdvertisedRoutes(NebulaDatabase database) {
    this.database = database;
  }

  void get(HttpServerExchange exchange, Auth.Node node) throws Exception {
    List<String> routes = database.read(connection -> Sql.one(connection,
        "SELECT routes FROM nodes WHERE id = ?", row -> parse(row.getString(1)), node.id()));
    if (routes == null) {
      throw ApiError.notFound();
    }
    Exchanges.data(exchange, 200, Map.of("routes", routes));
  }

  /** Replaces the node's routes; an empty or absent list clears them. */
  void put(HttpServerExchange exchange, Auth.Node node) throws Exception {
    JsonNode routes = Exchanges.jsonObject(exchange).get("routes");
    List<String> cidrs = new ArrayList<>();
    if (routes != null && !routes.isNull()) {
      if (!routes.isArray()) {
        throw ApiError.invalidRequest();
      }
      for (JsonNode route : routes) {
        if (!route.isTextual() || !IpText.isCidr(route.asText())) {
          throw ApiError.invalidRequest(); // the real server wraps an invalid CIDR's error into a 500, a defect
        }
        cidrs.add(route.asText());
      }
    }
    String stored = cidrs.isEmpty() ? "" : Exchanges.JSON.writeValueAsString(cidrs);
    ClusterChanges.updateNode(database, node.clusterId(), "UPDATE nodes SET routes = ?, routes_updated_at = ? WHERE id = ?",
        stored, NebulaDatabase.now(), node.id());
    Exchanges.message(exchange, "Routes updated successfully");
  }

  /** Every node's routes, by node id; nodes without routes are left out. */
  void cluster(HttpServerExchange exchange, Auth.Node node) throws Exception {
    List<Map.Entry<String, List<String>>> rows = database.read(connection -> Sql.list(connection,
        "SELECT id, routes FROM nodes WHERE cluster_id = ? AND routes IS NOT NULL AND routes != ''",
        row -> Map.entry(row.getString(1), parse(row.getString(2))), node.clusterId()));
    Map<String, List<String>> routes = new LinkedHashMap<>();
    rows.forEach(row -> routes.put(row.getKey(), row.getValue()));
    Exchanges.data(exchange, 200, Map.of("routes", routes));
  }

  /** The routes stored in a node's row. */
  static List<String> parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      return Exchanges.JSON.readValue(stored, STRINGS);
    } catch (IOException e) {
      throw new UncheckedIOException("a node's routes are not a JSON array: " + stored, e);
    }
  }
}
