package loadsuite.runtime;

import loadsuite.suite.SuiteSimulation;

/** A simulation of the request runtime (seed 002). */
abstract class RuntimeSimulation extends SuiteSimulation {
  RuntimeSimulation() {
    super(RuntimeSystem.SPEC);
  }
}
