package loadsuite.nebulagc;

/** Node CRUD (seed 004: > 500 req/s) by admin nodes: create, list a page, change the MTU, rotate the token, delete. */
public class NebulaNodesSimulation extends NebulaSimulation {
  public NebulaNodesSimulation() {
    load(overFleet("Node CRUD by admin nodes", keys(FleetPlan.class), NebulaRequests::nodeLifecycle, NOTHING_MORE));
  }
}
