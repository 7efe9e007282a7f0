package loadsuite.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.suite.GatlingRun;
import loadsuite.suite.SimulationsEndToEndTest;
import loadsuite.suite.SuiteSimulation;
import org.junit.jupiter.api.Test;

/**
 * Every packs simulation at the smoke profile against the embedded stand-in (100 packs), as a user
 * runs it; the proof that targets.conf gates the run, a goal on the journey's group included; updates
 * on a registry that publishes nothing, failed; and a plan that needs more cold packs than the
 * registry has, stopped before any load.
 */
class PacksSimulationsEndToEndTest extends SimulationsEndToEndTest {
  PacksSimulationsEndToEndTest() {
    super(PacksSystem.SPEC, "embedded packs stand-in at http://127.0.0.1:");
  }

  @Override
  protected void alsoShows(Class<?> simulation, String output) {
    assertThat(output).contains(", 100 packs").containsPattern("all requests +\\d+ +0\\.00% ");
  }

  @Test
  void anImpossibleGoalOnTheJourneysGroupFailsTheRunAndTheSummaryHasTheGroup() throws Exception {
    GatlingRun.Result run = missingAGoal(PacksJourneySimulation.class, "overrides", "packs.journey.goals.journey.max = 1ms");
    assertThat(run.output()).containsPattern("Goal missed: max of \"journey\" was \\d+ ms; goal < 1ms")
        .containsPattern("Goal met: p95 of \"journey / search\" was \\d+ ms");
    RunSummary summary = SummaryFiles.read(GatlingRun.runFolder(run.output()).resolve(SummaryFiles.NAME));
    assertThat(summary.status()).isEqualTo(RunSummary.FAILED);
    assertThat(summary.requests()).extracting(RunSummary.RequestStats::path)
        .containsExactly("journey / search", "journey / show", "journey / install", "journey");
    RunSummary.RequestStats journey = summary.requests().get(3);
    assertThat(journey.count()).isEqualTo(summary.requests().get(0).count()).isPositive();
    assertThat(journey.max()).isGreaterThanOrEqualTo(summary.requests().get(2).max());
    assertThat(summary.goals()).filteredOn(g -> g.scope().equals("journey") && g.metric().equals("max"))
        .singleElement().satisfies(g -> assertThat(g.met()).isFalse());
  }

  @Test
  void updatesThatFindNoNewerVersionFailTheRunInsteadOfPassingOn304s() throws Exception {
    GatlingRun.Result run = missingAGoal(PacksUpdateSimulation.class, "packs.update.publish-interval", "1h");
    assertThat(run.output()).containsPattern("Goal missed: throughput of \"update / download\"")
        .containsPattern("Goal met: p95 of \"update\" was \\d+ ms");
  }

  @Test
  void aPlanOfMoreColdPacksThanTheRegistryHasStopsBeforeAnyLoad() throws Exception {
    GatlingRun.Result run = GatlingRun.run(PacksShowSimulation.class,
        Map.of("profile", "smoke", "packs.show.registry-size", "20"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(run.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: packs.show plans about")
        .contains("the system has 10 packs not asked for by warm requests")
        .doesNotContain("Simulation loadsuite.packs.PacksShowSimulation started");
  }

  /** A smoke run of {@code simulation} with one option more, which misses a goal (exit status 2). */
  private static GatlingRun.Result missingAGoal(Class<?> simulation, String option, String value) throws Exception {
    GatlingRun.Result run = GatlingRun.run(simulation, Map.of("profile", "smoke", option, value), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    return run;
  }
}
