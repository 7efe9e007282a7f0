package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loadsuite.config.DroppedOverrides;
import loadsuite.suite.GatlingRun;
import loadsuite.suite.SimulationsEndToEndTest;
import loadsuite.suite.SuiteSimulation;
import org.junit.jupiter.api.Test;

/**
 * Every runtime simulation at the smoke profile against the embedded stand-in, as a user runs
 * it; and the proof that targets.conf gates the run: an impossible goal fails it.
 */
class RuntimeSimulationsEndToEndTest extends SimulationsEndToEndTest {
  RuntimeSimulationsEndToEndTest() {
    super(RuntimeSystem.SPEC, "embedded runtime stand-in at http://127.0.0.1:");
  }

  @Override
  protected void alsoShows(Class<?> simulation, String output) {
    if (simulation == RuntimeScalingSimulation.class) {
      // smoke's rates are too low for a knee at 1 instance: its efficiency is unknown, and smoke's goal of 0% met
      assertThat(output).containsPattern("against embedded runtime stand-in at http://127.0.0.1:\\d+, embedded runtime stand-in at"
              + " http://127.0.0.1:\\d+, behind HAProxy \\(pid \\d+\\) balancing round robin over them")
          .contains("knee on 1 instance: ", "knee on 2 instances: ", "Goal met: scaling efficiency on 2 instances");
    }
  }

  @Test
  void anImpossibleGoalFailsTheRunAndSaysWhich() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class,
        Map.of("profile", "smoke", "runtime.sustained.goals.global.throughput", "1000000/s"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).containsPattern("Global: count of all events is greater than or equal to 5000000.0 : false \\(actual : \\d+");
    assertThat(run.output()).containsPattern("Goal met: p95 of all requests was \\d+ ms");
  }

  @Test
  void aPerRequestGoalGivenInOverridesGatesTheRun() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RuntimeHandlersSimulation.class,
        Map.of("profile", "smoke", "overrides", "runtime.handlers.goals.\"GET /hooks\".max = 1ms"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).containsPattern("Goal missed: max of \"GET /hooks\" was \\d+ ms; goal < 1ms");
  }

  @Test
  void badInputStopsTheRunBeforeAnyLoadWithOneLineAndNoStackTrace() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class,
        Map.of("profile", "smoke", "runtime.sustained.rate", "fast"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(run.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT")
        .contains("'runtime.sustained.rate' must be a rate above zero such as 1000/s, got 'fast'")
        .doesNotContain("Simulation loadsuite.runtime.RuntimeSustainedSimulation started")
        .doesNotContain("Caused by").doesNotContain("Run crashed").doesNotContain("\tat ");
  }

  @Test
  void anOptionThatMavensPluginDroppedStopsTheRunBeforeAnyLoad() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of("profile", "smoke"),
        Map.of(DroppedOverrides.MAVEN_ARGS, "gatling:test -Dprofile=smoke -Druntime.sustained.goals.\"GET /simple\".p95=1ms"),
        TIMEOUT_SECONDS);
    assertThat(run.exitCode()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(run.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: the option -Druntime.sustained.goals.\"GET did not reach the run")
        .contains("-Doverrides=")
        .doesNotContain("Simulation loadsuite.runtime.RuntimeSustainedSimulation started");
  }

  @Test
  void anUnreachableExternalSystemStopsTheRunBeforeAnyLoad() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class,
        Map.of("sut.mode", "external", "sut.url", "http://127.0.0.1:" + closedPort), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: the runtime at http://127.0.0.1:" + closedPort + " does not answer")
        .doesNotContain("Simulation loadsuite.runtime.RuntimeSustainedSimulation started");
  }
}
