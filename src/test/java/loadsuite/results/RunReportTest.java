package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.goals.Goal;
import loadsuite.goals.Metric;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.results.RunStats.Stats;
import org.junit.jupiter.api.Test;

class RunReportTest {
  private static final Shape.Stress STRESS = new Shape.Stress(new Rate(100), new Rate(400), Duration.ofSeconds(40), 4, new Rate(300));
  private static final Workload WORKLOAD = new Workload("runtime.stress", 10, Duration.ZERO, STRESS, 1, null);
  private static final List<Goal> GOALS = List.of(
      new Goal(Goal.GLOBAL, Metric.P95, Duration.ofMillis(20), null, null),
      new Goal(Goal.GLOBAL, Metric.FAILED, null, new Percent(0), null),
      new Goal(Goal.GLOBAL, Metric.THROUGHPUT, null, new Percent(98), null));

  /** Stats of a level that achieved its whole plan (10 s per level) with the given p95 and failures. */
  private static Optional<Stats> level(double rate, int p95, long failed) {
    return Optional.of(new Stats(Math.round(rate * 10), failed, 0, 1, p95, 1, 1, p95, p95));
  }

  @Test
  void theKneeIsTheHighestLevelBeforeTheFirstMissedGoal() {
    String knee = RunReport.knee(WORKLOAD, STRESS, GOALS, rate -> level(rate, rate >= 300 ? 45 : 5, 0));
    assertThat(knee).startsWith("knee: 200/s (goal at least 300/s); at 300/s missed: p95 20ms");
  }

  @Test
  void aLaterGoodLevelDoesNotMoveTheKneeUp() {
    String knee = RunReport.knee(WORKLOAD, STRESS, GOALS, rate -> level(rate, 5, rate == 200 ? 1 : 0));
    assertThat(knee).startsWith("knee: 100/s").contains("at 200/s missed: failed 0%");
  }

  @Test
  void aLevelThatFellShortOfItsRateBreaksTheKnee() {
    String knee = RunReport.knee(WORKLOAD, STRESS, GOALS,
        rate -> rate == 400 ? Optional.of(new Stats(3000, 0, 0, 1, 5, 1, 1, 5, 5)) : level(rate, 5, 0));
    assertThat(knee).startsWith("knee: 300/s").contains("missed: throughput 98%");
  }

  @Test
  void everyLevelWithinGoalsReportsTheTopLevel() {
    assertThat(RunReport.knee(WORKLOAD, STRESS, GOALS, rate -> level(rate, 5, 0))).startsWith("knee: at least 400/s");
  }

  @Test
  void noLevelWithinGoals() {
    assertThat(RunReport.knee(WORKLOAD, STRESS, GOALS, rate -> Optional.empty())).startsWith("knee: none");
  }
}
