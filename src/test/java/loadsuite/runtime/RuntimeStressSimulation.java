package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.runtime.RuntimeRequests.simple;

import loadsuite.suite.Load;

/**
 * Stress (seed 002): a staircase from 100 to 10000 req/s over 5 minutes. Each step is a group
 * of the report; the goals hold on every step up to the knee goal (5000 req/s), and the knee
 * itself, the highest step held within the goals, is read off the report's groups.
 */
public class RuntimeStressSimulation extends RuntimeSimulation {
  public RuntimeStressSimulation() {
    load(Load.of("Stress staircase of GET /simple",
        () -> exec(simple())));
  }
}
