package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import loadsuite.config.Percent;
import loadsuite.config.TargetsException;
import loadsuite.goals.GoalAssertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  private static final String SIMULATION = "loadsuite.runtime.RuntimeSustainedSimulation";

  @TempDir Path dir;

  private Baseline.Settings settings(String file) {
    return new Baseline.Settings(dir, file, new Percent(10), Duration.ofMillis(2), new Percent(0.1));
  }

  private static RunSummary summary(String profile, String status, RunSummary.RequestStats global, RunSummary.RequestStats... requests) {
    return new RunSummary(SIMULATION, "runtime.sustained", profile, status, null, new RunSummary.Sut("embedded", "u", "d", null),
        "s", "e", 15, 60, new RunSummary.Rates(60_000, 1000), new RunSummary.Rates(60_000, 1000), global, List.of(requests),
        List.of(), null, List.of(new RunSummary.Probes(null, false, "r", null, null, null, null, null)), List.of(), List.of(), null, null, null, null);
  }

  private static RunSummary ofBuild(String status, String build) {
    RunSummary s = summary("nightly", status, stats(GoalAssertion.ALL_REQUESTS, 40, 3, 0, 1000));
    return new RunSummary(s.simulation(), s.workload(), s.profile(), s.status(), s.reason(), s.sut(), s.start(), s.end(), s.warmUpSeconds(),
        s.measuredSeconds(), s.planned(), s.achieved(), s.global(), s.requests(), s.goals(), s.knee(), s.probes(), s.baseline(),
        s.transfers(), s.schedule(), s.generator(), build, s.held());
  }

  @Test
  void aBuildsFirstPassedRunBecomesTheBaselineWhenNoneExistsAndOnlyThen() throws Exception {
    Path run = dir.resolve("run").resolve(SummaryFiles.NAME);
    SummaryFiles.write(run, ofBuild(RunSummary.PASSED, null));
    assertThat(Baseline.promoteFirst(settings(""), SummaryFiles.read(run), run)).as("a workstation's run").isEmpty();
    SummaryFiles.write(run, ofBuild(RunSummary.FAILED, "jenkins-nightly-1"));
    assertThat(Baseline.promoteFirst(settings(""), SummaryFiles.read(run), run)).as("a failed run").isEmpty();
    SummaryFiles.write(run, ofBuild(RunSummary.PASSED, "jenkins-nightly-1"));
    assertThat(Baseline.promoteFirst(settings("none"), SummaryFiles.read(run), run)).as("the gate switched off").isEmpty();

    assertThat(Baseline.promoteFirst(settings(""), SummaryFiles.read(run), run)).contains(settings("").promoted(SIMULATION));
    assertThat(Baseline.find(settings(""), SIMULATION, "nightly", 60)).as("the second run is gated").isPresent();
    SummaryFiles.write(run, ofBuild(RunSummary.PASSED, "jenkins-nightly-2"));
    assertThat(Baseline.promoteFirst(settings(""), SummaryFiles.read(run), run)).as("one exists now").isEmpty();
    assertThat(SummaryFiles.read(settings("").promoted(SIMULATION)).build()).isEqualTo("jenkins-nightly-1");
  }

  private static RunSummary.RequestStats stats(String name, int p95, int p99, double failedPercent, double throughput) {
    return new RunSummary.RequestStats(name, List.of(), 60_000, 0, failedPercent, 0, 1, 1, 1, p95, p99, 100, 60, throughput);
  }

  private Baseline promoted(RunSummary summary) {
    SummaryFiles.write(settings("").promoted(SIMULATION), summary);
    return Baseline.find(settings(""), SIMULATION, "nightly", 60).orElseThrow();
  }

  @Test
  void aFigureMayBeWorseByTheThresholdOrTheMinimumDeltaWhicheverIsLarger() {
    Baseline baseline = promoted(summary("nightly", RunSummary.PASSED, stats(GoalAssertion.ALL_REQUESTS, 40, 3, 1.0, 1000)));
    assertThat(baseline.assertions()).extracting(GoalAssertion::describe).containsExactly(
        "p95 of all requests < 45ms",   // 40 ms + 10 % = 44 ms allowed
        "p99 of all requests < 6ms",    // 3 ms + 2 ms minimum delta = 5 ms allowed
        "failed requests of all requests <= 1.1%",
        "throughput of all requests >= 900/s");
    assertThat(baseline.assertions()).allSatisfy(a -> assertThat(a.origin()).startsWith("baseline "));
  }

  @Test
  void aBaselineWithoutErrorsAllowsTheMinimumDeltaOfErrors() {
    Baseline baseline = promoted(summary("nightly", RunSummary.FAILED, stats(GoalAssertion.ALL_REQUESTS, 10, 20, 0, 1000)));
    assertThat(baseline.assertions()).extracting(GoalAssertion::describe).contains("failed requests of all requests <= 0.1%");
  }

  @Test
  void everyRequestOfTheBaselineIsCompared() {
    Baseline baseline = promoted(summary("nightly", RunSummary.PASSED, stats(GoalAssertion.ALL_REQUESTS, 10, 20, 0, 1000),
        stats("GET /simple", 10, 20, 0, 1000)));
    assertThat(baseline.assertions()).hasSize(8).filteredOn(a -> a.scope().equals("GET /simple")).hasSize(4);
  }

  @Test
  void anotherProfileOrNoPromotedBaselineMeansNoComparison() {
    assertThat(Baseline.find(settings(""), SIMULATION, "nightly", 60)).isEmpty();
    SummaryFiles.write(settings("").promoted(SIMULATION), summary("smoke", RunSummary.PASSED, stats(GoalAssertion.ALL_REQUESTS, 1, 2, 0, 50)));
    assertThat(Baseline.find(settings(""), SIMULATION, "nightly", 60)).isEmpty();
    assertThat(Baseline.find(settings("none"), SIMULATION, "smoke", 60)).isEmpty();
  }

  @Test
  void aNamedBaselineMustExistAndBeComplete() {
    assertThatThrownBy(() -> Baseline.find(settings(dir.resolve("missing.json").toString()), SIMULATION, "nightly", 60))
        .isInstanceOf(TargetsException.class).hasMessageContaining("does not exist");
    Path incomplete = dir.resolve("incomplete.json");
    SummaryFiles.write(incomplete, summary("nightly", RunSummary.INCOMPLETE, null));
    assertThatThrownBy(() -> Baseline.find(settings(incomplete.toString()), SIMULATION, "nightly", 60))
        .isInstanceOf(TargetsException.class).hasMessageContaining("incomplete run");
  }

  @Test
  void changeIsInPercentOfTheBaseline() {
    assertThat(Baseline.change(20, 22)).isEqualTo(10.0);
    assertThat(Baseline.change(1000, 900)).isEqualTo(-10.0);
    assertThat(Baseline.change(0, 0)).isZero();
    assertThat(Baseline.change(0, 0.5)).isInfinite();
  }
}
