package loadsuite.nebulagc;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The nodes the preparation created for the load, and what each virtual user is fed at its start:
 * its node (virtual user {@code i} gets node {@code i mod nodes}), that node's route, and the
 * values every virtual user shares (a bundle's version, the cluster token, …).
 */
final class PreparedFleet {
  /** The lighthouses and relays the topology workload assigns, at most. */
  static final int LIGHTHOUSES = 3;
  static final int RELAYS = 2;

  private final List<NebulaAdmin.Node> nodes;
  private final Map<String, Object> shared = new LinkedHashMap<>();

  PreparedFleet(List<NebulaAdmin.Node> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a fleet has at least one node");
    }
    this.nodes = List.copyOf(nodes);
  }

  /** A value every virtual user is fed. */
  void share(String key, Object value) {
    shared.put(key, value);
  }

  void shareAll(Map<String, Object> values) {
    shared.putAll(values);
  }

  /** The subnet node {@code i} advertises: 10.x.y.0/24, one of its own per node. */
  static String route(int i) {
    return "10." + (i / 256 % 256) + "." + (i % 256) + ".0/24";
  }

  /** Each node advertises its route, with its own token. */
  void advertiseRoutes(NebulaAdmin admin) {
    for (int i = 0; i < nodes.size(); i++) {
      admin.advertise(nodes.get(i), route(i));
    }
  }

  /**
   * The first nodes become lighthouses (public addresses of TEST-NET-1, 192.0.2.0/24) and the next
   * relays, with the cluster token; the virtual users get the cluster token and how many of each to expect.
   */
  void assignRoles(NebulaAdmin admin, String clusterToken) {
    int lighthouses = Math.min(LIGHTHOUSES, nodes.size());
    int relays = Math.min(RELAYS, nodes.size() - lighthouses);
    for (int i = 0; i < lighthouses; i++) {
      admin.assignLighthouse(nodes.get(i), "192.0.2." + (i + 1), 4242);
    }
    for (int i = lighthouses; i < lighthouses + relays; i++) {
      admin.assignRelay(nodes.get(i));
    }
    share(NebulaRequests.CLUSTER_TOKEN, clusterToken);
    share(NebulaRequests.LIGHTHOUSES, lighthouses);
    share(NebulaRequests.RELAYS, relays);
  }

  /** One record per virtual user, in turn over the nodes; as many as Gatling asks for (one per connection). */
  Iterator<Map<String, Object>> records() {
    return IntStream.iterate(0, i -> i + 1).mapToObj(this::record).iterator();
  }

  private Map<String, Object> record(int user) {
    int i = user % nodes.size();
    Map<String, Object> record = new LinkedHashMap<>(shared);
    record.put(NebulaRequests.NODE_TOKEN, nodes.get(i).token());
    record.put(NebulaRequests.NODE_ID, nodes.get(i).id());
    record.put(NebulaRequests.ROUTE, route(i));
    return record;
  }
}
