package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.runtime.RuntimeRequests.simple;

import loadsuite.suite.Load;

/** Spike (seed 002): from 100 to 5000 req/s for 30 s and back, with no failed request. */
public class RuntimeSpikeSimulation extends RuntimeSimulation {
  public RuntimeSpikeSimulation() {
    load(Load.of("Spike of GET /simple",
        () -> exec(simple())));
  }
}
