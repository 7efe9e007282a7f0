package loadsuite.runtime;

import loadsuite.SuiteSimulation;

/** A simulation of the request runtime (seed 002): its targets are under {@code runtime} in targets.conf. */
abstract class RuntimeSimulation extends SuiteSimulation {
  RuntimeSimulation() {
    super("runtime", "/health", RuntimeStandIn::start);
  }
}
