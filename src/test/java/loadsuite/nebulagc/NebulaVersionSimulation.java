package loadsuite.nebulagc;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.nebulagc.NebulaRequests.versionCheck;

/** Version checks (seed 004: > 1000 req/s): {@code GET /api/v1/config/version}, each virtual user as its own node. */
public class NebulaVersionSimulation extends NebulaSimulation {
  public NebulaVersionSimulation() {
    load(overFleet("Version checks of many nodes", keys(FleetPlan.class),
        () -> exec(versionCheck()), NOTHING_MORE));
  }
}
