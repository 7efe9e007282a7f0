package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import loadsuite.config.Targets;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import loadsuite.log.MeasuredWindow;
import loadsuite.suite.Suite;
import loadsuite.system.SystemCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder says what the run was: plan.json holds the workload as the run read it, its share,
 * its requests, groups and bytes; the whole run's goals, a merge's, and a stopped run's rows
 * follow from it and the log alone.
 */
class RunPlanTest {
  private static final long START = 1_700_000_000_000L;
  private static final String COPY = "copy image";
  private static final List<String> COPIES = List.of("copy image / GET source manifest", "copy image / GET source blob",
      "copy image / PATCH destination upload", "copy image / PUT destination manifest");

  @TempDir
  Path dir;

  @Test
  void aWorkerStaircaseSharedByTwoInjectorsKeepsItsWholeDataRateGoalAndItsBytesForTheMerge() {
    RunPlan share = plan("freightliner", "workers", "nightly", "1/2",
        "freightliner.workers.goals.\"copy image\".data-rate = 125MB/s", COPIES, List.of(COPY), Map.of(COPY, 12L << 20));
    share.write(dir);
    RunPlan read = RunPlan.read(dir);

    assertThat(read.workloadSent().connections()).isEqualTo(50);
    assertThat(read.wholeWorkload().connections()).isEqualTo(100);
    assertThat(dataRate(read.goals())).isEqualTo(125e6 / 2);
    RunPlan whole = read.whole("from 2 injectors", Optional.empty(), Map.of());
    assertThat(whole.injector()).isNull();
    assertThat(dataRate(whole.goals())).isEqualTo(125e6);
    // the merge judges the data rate on the group the goal names, with the bytes the injectors' plan keeps
    assertThat(whole.goalAssertions()).extracting(GoalAssertion::describe).anyMatch(d -> d.startsWith("data-rate") && d.contains(COPY));
    assertThat(whole.outline().levels()).hasSize(10).startsWith("level 10 workers");
    assertThat(whole.outline().goalsOfThisInjector()).isEqualTo(whole.outline().goals());
    assertThat(read.outline().goalsOfThisInjector()).isNotEqualTo(read.outline().goals());
  }

  @Test
  void aMergeJudgedAtOtherGoalsKeepsEveryOtherKeyOfThePlan() {
    RunPlan plan = plan("runtime", "sustained", "smoke", "1/2", null, List.of("GET /simple"), List.of(), Map.of());
    RunPlan whole = plan.whole("whole", Optional.empty(), Map.of("goals.global.throughput", "100/s"));
    assertThat(whole.goals()).filteredOn(g -> g.metric() == Metric.THROUGHPUT).singleElement()
        .satisfies(g -> assertThat(g.rate().perSecond()).isEqualTo(100));
    assertThat(whole.wholeWorkload().schedule().plannedMeasuredIterations())
        .isEqualTo(plan.wholeWorkload().schedule().plannedMeasuredIterations());
  }

  @Test
  void aStaircaseStoppedInItsSecondLevelIsRecoveredFromItsFolderWithItsGroupsAndLevelWindows() throws Exception {
    RunPlan plan = plan("runtime", "stress", "smoke", null, null, List.of("journey / GET /simple"), List.of("journey"), Map.of());
    List<String> levels = plan.outline().levels();
    double levelSeconds = plan.outline().levelSeconds();
    assertThat(levels).hasSizeGreaterThanOrEqualTo(3);
    plan.write(dir);
    double warmUp = plan.outline().warmUpSeconds();
    try (LogWriter writer = new LogWriter(dir.resolve(RunSummaries.LOG), plan.simulation(), START, "", List.of("connections"), List.of())) {
      // the warm-up's requests, then the levels' (the recovery cuts the log as the run would have)
      writer.write(new LogRecord.Response(List.of(MeasuredWindow.WARM_UP_GROUP), "GET /simple", START + 10, START + 15, true, ""));
      long t = START + (long) (warmUp * 1000);
      for (String level : levels.subList(0, 2)) {
        for (int i = 0; i < 10; i++) {
          t += 10;
          writer.write(new LogRecord.Response(List.of(level, "journey"), "GET /simple", t, t + 5, true, ""));
          writer.write(new LogRecord.Group(List.of(level, "journey"), t, t + 5, 5, true));
        }
      }
    }
    // stopped half-way through the second level, after the warm-up
    long stoppedAfterMs = (long) ((warmUp + 1.5 * levelSeconds) * 1000);
    java.time.Instant start = java.time.Instant.ofEpochMilli(START);
    SummaryFiles.write(dir.resolve(SummaryFiles.NAME), RunSummaries.summarize(plan, new OwnFigures(start.toString(),
        start.plusMillis(stoppedAfterMs).toString(), "stopped by a signal", 20, null, null, List.of(), List.of()),
        "stopped by a signal", Optional.empty()));

    RunSummary recovered = StoppedRun.report(dir);

    assertThat(recovered.status()).isEqualTo(RunSummary.INCOMPLETE);
    assertThat(recovered.reason()).endsWith(RunSummaries.PARTIAL);
    List<String> groupRows = new ArrayList<>();
    recovered.requests().stream().filter(r -> r.name().equals("journey")).forEach(r -> groupRows.add(r.path()));
    assertThat(groupRows).containsExactly(levels.get(0) + " / journey", levels.get(1) + " / journey");
    assertThat(row(recovered, levels.get(0) + " / journey").windowSeconds()).isEqualTo(levelSeconds);
    assertThat(row(recovered, levels.get(1) + " / journey").windowSeconds()).isEqualTo(Math.max(1, levelSeconds / 2));
    assertThat(row(recovered, levels.get(1) + " / journey").count()).isEqualTo(10);
    assertThat(recovered.global().count()).isEqualTo(20);
  }

  private static RunSummary.RequestStats row(RunSummary summary, String path) {
    return summary.requests().stream().filter(r -> r.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + path + " in " + summary.requests()));
  }

  private static double dataRate(List<Goal> goals) {
    return goals.stream().filter(g -> g.metric() == Metric.DATA_RATE).findFirst().orElseThrow().dataRate().bytesPerSecond();
  }

  private static RunPlan plan(String system, String workload, String profile, String injector, String overrides, List<String> requests,
      List<String> groups, Map<String, Long> bytes) {
    Properties properties = new Properties();
    properties.setProperty("profile", profile);
    if (overrides != null) {
      properties.setProperty(Targets.OVERRIDES_PROPERTY, overrides);
    }
    Targets targets = Targets.load(Path.of("targets.conf"), properties);
    Suite.Plan plan = Suite.plan(targets, SystemCatalog.named(system), workload);
    return RunPlan.of("loadsuite." + system + ".SomeSimulation", plan.workload().path(), profile, plan.settings(), injector, requests,
        groups, bytes, new RunSummary.Sut("embedded", "http://127.0.0.1:1", "a stand-in", null), Map.of(system, "embedded"),
        Map.of(system, "http://127.0.0.1:1"), targets.baseline().json(), null,
        "{\"dir\":\"target/test-history\",\"keep\":3}",
        Map.of(), new RunPlan.Versions("test", "test"), START + "", "nightly-7");
  }
}
