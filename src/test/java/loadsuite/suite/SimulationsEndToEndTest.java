package loadsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.goals.Goal;
import loadsuite.goals.SampleSizes;
import loadsuite.load.Shape;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What each system's end-to-end test checks first: every one of its simulations at the smoke
 * profile, against its embedded system, run as a user runs it, meets every goal of targets.conf.
 */
public abstract class SimulationsEndToEndTest {
  protected static final long TIMEOUT_SECONDS = 180;
  private final SystemSpec system;
  private final String embedded;

  /**
   * @param embedded how a run names the embedded system it ran against: {@code embedded runtime
   *     stand-in at http://127.0.0.1:}
   */
  protected SimulationsEndToEndTest(SystemSpec system, String embedded) {
    this.system = system;
    this.embedded = embedded;
  }

  /** What a simulation's smoke run must also show beyond its goals; nothing unless a system says. */
  protected void alsoShows(Class<?> simulation, String output) {}

  /** Two runs at a time (src/test/resources/junit-platform.properties). */
  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicTest> everySimulationMeetsItsSmokeGoals() {
    return system.simulations().stream().map(simulation -> DynamicTest.dynamicTest(simulation.getSimpleName(), () -> {
      GatlingRun.Result run = GatlingRun.run(simulation, Map.of("profile", "smoke"), TIMEOUT_SECONDS);
      run.assertMetEveryGoal(embedded, system.name() + ".");
      alsoShows(simulation, run.output());
      assertNightlyPercentilesGetEnoughResponses(simulation, SummaryFiles.read(GatlingRun.runFolder(run.output()).resolve(SummaryFiles.NAME)));
    }));
  }

  /**
   * A percentile goal of the nightly profile on one request of several gets enough responses
   * ({@link SampleSizes}): its count is this smoke run's responses of the request per iteration
   * times the nightly plan's iterations, where both profiles mix the requests alike. (Goals on all
   * requests and on staircase levels are checked from the plan alone, in {@code SampleSizesTest};
   * workers plan no count; a mix that differs by profile is sized by hand in targets.conf.)
   */
  private void assertNightlyPercentilesGetEnoughResponses(Class<?> simulation, RunSummary smoke) {
    String workload = system.workloadOf(simulation).orElseThrow().name();
    Targets nightlyTargets = targets("nightly");
    Suite.Plan nightly = Suite.plan(nightlyTargets, system, workload);
    if (nightly.workload().schedule().closed() || nightly.workload().shape() instanceof Shape.Staircase
        || !sameMix(nightlyTargets.workload(system.name(), workload), targets("smoke").workload(system.name(), workload))) {
      return;
    }
    long planned = nightly.workload().schedule().plannedMeasuredIterations();
    for (Goal goal : nightly.goals()) {
      if (!Goal.GLOBAL.equals(goal.scope())) {
        // a request the smoke run never sent has no count to scale: it gets none at nightly either, as far as is known
        long sent = smoke.requests().stream().filter(row -> row.path().equals(goal.scope())).mapToLong(RunSummary.RequestStats::count)
            .sum();
        long expected = planned * sent / Math.max(1, smoke.achieved().iterations());
        assertThat(SampleSizes.tooFew(goal.metric(), expected)).as(nightly.workload().path() + ".goals.\"" + goal.scope()
            + "\" at nightly, about " + expected + " responses").isEmpty();
      }
    }
  }

  private static Targets targets(String profile) {
    Properties properties = new Properties();
    properties.setProperty("profile", profile);
    return Targets.load(Path.of("targets.conf"), properties);
  }

  /** Whether two profiles mix a workload's requests alike: only then do the smoke run's shares hold at nightly (else see targets.conf). */
  private static boolean sameMix(Section a, Section b) {
    for (String key : List.of("mix", "write-percent", "cold-percent", "tree-percent")) {
      String left = a.has(key) ? (key.equals("mix") ? a.stringMap(key).toString() : a.string(key)) : "";
      String right = b.has(key) ? (key.equals("mix") ? b.stringMap(key).toString() : b.string(key)) : "";
      if (!left.equals(right)) {
        return false;
      }
    }
    return true;
  }
}
