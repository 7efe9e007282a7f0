package loadsuite.nebulagc;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.nebulagc.NebulaRequests.clusterRoutes;
import static loadsuite.nebulagc.NebulaRequests.routes;
import static loadsuite.nebulagc.NebulaRequests.topology;

/**
 * Topology queries (seed 004): the cluster's lighthouses and relays with the cluster token, then the
 * node's routes and the cluster's with the node token, over nodes that advertise a route each.
 */
public class NebulaTopologySimulation extends NebulaSimulation {
  public NebulaTopologySimulation() {
    load(overFleet("Topology and route queries", keys(FleetPlan.class),
        () -> exec(topology(), routes(), clusterRoutes()),
        (admin, fleet, credentials) -> {
          fleet.advertiseRoutes(admin);
          fleet.assignRoles(admin, credentials.clusterToken());
        }));
  }
}
