package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import loadsuite.log.SimulationLog;
import loadsuite.merge.PooledSamples;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.Test;

/**
 * gatling#4715 as a user met it: a system that holds one request in sixteen for 1.5 s has a true
 * p95 of at least 1.5 s, and a goal of 1.5 s must fail the run (Gatling 3.15 reported 674 ms and
 * passed). The run's p95 is the nearest-rank p95 of the response times in its own log.
 */
class TrueVerdictEndToEndTest {
  private static final int HELD_MS = 1500;

  @Test
  void aGoalAtTheTrueP95FailsTheRunAndOneAboveItIsMet() throws Exception {
    // every 16th request held
    try (HoldingRuntime runtime = new HoldingRuntime((n, now) -> n % 16 == 0 ? HELD_MS : 0)) {
      GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of(
          "sut.mode", "external", "sut.url", runtime.url(),
          "runtime.sustained.connections", "40", "runtime.sustained.rate", "100/s",
          "runtime.sustained.warm-up", "1s", "runtime.sustained.duration", "10s",
          loadsuite.config.Targets.OVERRIDES_PROPERTY,
          "runtime.sustained.goals = { global { p95 = " + HELD_MS + "ms }, \"GET /simple\" { p99 = 10000ms } }"), 180);

      assertThat(runtime.held()).as("the system held requests").isPositive();
      Path folder = GatlingRun.runFolder(run.output());
      int truth = PooledSamples.nearestRank(SimulationLog.responseTimes(folder.resolve("simulation.log")), 95);
      assertThat(truth).as("the nearest-rank p95 of the log's response times").isGreaterThanOrEqualTo(HELD_MS);

      RunSummary summary = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
      assertThat(summary.global().p95()).isEqualTo(truth);
      assertThat(summary.goals()).filteredOn(g -> g.metric().equals("p95")).singleElement().satisfies(goal -> {
        assertThat(goal.met()).isFalse();
        assertThat(goal.actual()).isEqualTo(truth);
        assertThat(goal.gatling()).as("Gatling's figure, kept beside").isNotNull();
      });
      assertThat(summary.goals()).filteredOn(g -> g.metric().equals("p99")).singleElement()
          .satisfies(goal -> assertThat(goal.met()).as(goal.message()).isTrue());
      assertThat(run.output()).contains("Goal missed: p95 of all requests was " + truth + " ms").contains("Goal met: p99 of \"GET /simple\"");
      assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    }
  }
}
