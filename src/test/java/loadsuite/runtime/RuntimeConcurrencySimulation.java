package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.runtime.RuntimeRequests.simple;

import loadsuite.suite.Load;

/** Concurrency (seed 002): bursts of 100 simultaneous requests, p95 under 50 ms. */
public class RuntimeConcurrencySimulation extends RuntimeSimulation {
  public RuntimeConcurrencySimulation() {
    load(Load.of("Bursts of concurrent GET /simple",
        () -> exec(simple())));
  }
}
