package loadsuite.nebulagc;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.Interleave.branch;
import static loadsuite.nebulagc.NebulaRequests.routes;
import static loadsuite.nebulagc.NebulaRequests.setRoutes;
import static loadsuite.nebulagc.NebulaRequests.versionCheck;

import loadsuite.load.Interleave;

/**
 * Reads and writes (seed 004: reads > 2000/s, writes > 500/s, p50 < 10 ms, p95 < 50 ms, p99 < 100 ms):
 * version checks and route reads, and in the share of writes route updates, each node its own.
 */
public class NebulaMixedSimulation extends NebulaSimulation {
  public NebulaMixedSimulation() {
    NebulaKeys.Mixed keys = keys(NebulaKeys.Mixed.class);
    double read = keys.mix().reads() / 2;
    load(overFleet("Reads and writes of many nodes", keys.fleet(),
        () -> Interleave.of(
            branch(read, exec(versionCheck())),
            branch(read, exec(routes())),
            branch(keys.mix().writes(), exec(setRoutes()))),
        (admin, fleet, credentials) -> fleet.advertiseRoutes(admin)));
  }
}
