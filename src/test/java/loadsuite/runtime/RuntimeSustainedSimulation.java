package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.runtime.RuntimeRequests.SIMPLE;
import static loadsuite.runtime.RuntimeRequests.simple;

import java.util.List;

/**
 * Sustained load (seed 002): 1000 req/s for 60 s over 100 connections, p95 under 20 ms. Under
 * the soak profile the same shape is held for hours.
 */
public class RuntimeSustainedSimulation extends RuntimeSimulation {
  public RuntimeSustainedSimulation() {
    run("sustained", "Sustained GET /simple", List.of(SIMPLE), warmUp -> exec(silentIf(warmUp, simple())));
  }
}
