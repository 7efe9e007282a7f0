package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import loadsuite.config.DroppedOverrides;
import loadsuite.results.RunSummary;
import loadsuite.results.SetVerdicts;
import loadsuite.suite.SetRun;
import loadsuite.suite.SimulationSet;
import loadsuite.suite.SuiteSimulation;
import org.junit.jupiter.api.Test;

/**
 * A set of two smoke simulations from one command, as a person runs it ({@code exec:java@set} starts
 * {@link SetRun} with the -D options): one verdict, the table at the end, and bad input that stops
 * the whole set before any load.
 */
class SetRunEndToEndTest {
  private static final String SET = RuntimeSustainedSimulation.class.getSimpleName() + "," + RuntimeHandlersSimulation.class.getSimpleName();
  /** Test runs neither compare with nor add to the working copy's baselines and history. */
  private static final Map<String, String> TEST_DEFAULTS = Map.of("baseline.file", "none", "history.dir", "target/test-history");

  private record Ended(int exitCode, String output) {}

  @Test
  void aSetWhereOneSimulationMissesAGoalRunsBothAndFailsNamingTheMissedGoal() throws Exception {
    Instant start = Instant.now();
    // 1000/s of a smoke run planned at 50/s: a goal no run can meet
    Ended set = runSet(Map.of(SimulationSet.PROPERTY, SET, "runtime.sustained.goals.global.throughput", "1000/s"));

    assertThat(set.exitCode()).as(set.output()).isEqualTo(2);
    List<String> table = set.output().lines().dropWhile(l -> !l.startsWith("simulation ")).toList();
    assertThat(table).as(set.output()).hasSize(4);
    assertThat(table.get(0)).matches("simulation\\s+verdict\\s+first missed goal");
    assertThat(table.get(1)).matches("RuntimeSustainedSimulation\\s+failed\\s+throughput of all requests was .*; goal >= 1000/s");
    assertThat(table.get(2)).matches("RuntimeHandlersSimulation\\s+passed\\s+–");
    assertThat(table.get(3)).isEqualTo("set: 1 of 2 simulations met every goal: FAILED");
    for (Class<?> simulation : List.of(RuntimeSustainedSimulation.class, RuntimeHandlersSimulation.class)) {
      assertThat(SetVerdicts.runSince(Path.of("target", "gatling"), simulation.getName(), start)).as("the run's summary.json of " + simulation)
          .hasValueSatisfying(s -> assertThat(s.status()).isIn(RunSummary.PASSED, RunSummary.FAILED));
    }
    assertThat(Files.readString(SetRun.JUNIT_FOLDER.resolve("runtime.xml")))
        .contains("<testsuite name=\"runtime\"").contains("failures=\"1\"")
        .contains(RuntimeSustainedSimulation.class.getName() + " [smoke]").contains(RuntimeHandlersSimulation.class.getName() + " [smoke]");
  }

  @Test
  void anUnknownNameStopsTheSetBeforeAnyLoadWithOneLine() throws Exception {
    Ended set = runSet(Map.of(SimulationSet.PROPERTY, SET + ",RuntimeNoSuchSimulation"));

    assertThat(set.exitCode()).as(set.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(set.output().lines().filter(l -> l.startsWith("STOPPED BEFORE ANY LOAD WAS SENT: "))).singleElement().asString()
        .contains("unknown simulation or system 'RuntimeNoSuchSimulation'").contains("name a system (runtime, registry");
    assertThat(set.output()).doesNotContain("====").doesNotContain("Simulation loadsuite");
  }

  @Test
  void aBadValueOfTheSecondSimulationStopsTheFirstBeforeAnyLoad() throws Exception {
    Ended set = runSet(Map.of(SimulationSet.PROPERTY, SET, "runtime.handlers.rate", "fast"));

    assertThat(set.exitCode()).as(set.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(set.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: ").contains("runtime.handlers.rate")
        .doesNotContain("====").doesNotContain("Simulation loadsuite");
  }

  /** Starts the set as exec:java@set would, with the tests' defaults and {@code properties}. */
  private static Ended runSet(Map<String, String> properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    Map<String, String> all = new TreeMap<>(TEST_DEFAULTS);
    all.putAll(properties);
    all.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SetRun.class.getName()));
    Path log = Files.createDirectories(Path.of("target", "gatling-runs")).resolve("set-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove(DroppedOverrides.MAVEN_ARGS);
    Process process = builder.start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError("the set did not end within 300 s: " + Files.readString(log));
    }
    return new Ended(process.exitValue(), Files.readString(log));
  }
}
