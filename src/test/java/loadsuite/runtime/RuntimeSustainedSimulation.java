package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.runtime.RuntimeRequests.simple;

import loadsuite.suite.Load;

/**
 * Sustained load (seed 002): 1000 req/s for 60 s over 100 connections, p95 under 20 ms. Under
 * the soak profile the same shape is held for hours.
 */
public class RuntimeSustainedSimulation extends RuntimeSimulation {
  public RuntimeSustainedSimulation() {
    load(Load.of("Sustained GET /simple",
        () -> exec(simple())));
  }
}
