package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.roundRobinSwitch;
import static loadsuite.runtime.RuntimeRequests.hooks;
import static loadsuite.runtime.RuntimeRequests.module;
import static loadsuite.runtime.RuntimeRequests.simple;

import loadsuite.suite.Load;

/**
 * Per-handler latency (seed 002): a simple handler, one that calls a module, one wrapped in
 * before and after hooks, in turn; p95 under 5, 10 and 15 ms.
 */
public class RuntimeHandlersSimulation extends RuntimeSimulation {
  public RuntimeHandlersSimulation() {
    load(Load.of("GET /simple, /module and /hooks in turn",
        () -> roundRobinSwitch().on(
            exec(simple()),
            exec(module()),
            exec(hooks()))));
  }
}
