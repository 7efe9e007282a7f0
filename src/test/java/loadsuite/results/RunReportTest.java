package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;
import loadsuite.load.Shape;
import org.junit.jupiter.api.Test;

class RunReportTest {
  private static final Shape.Stress STRESS = new Shape.Stress(new Rate(100), new Rate(400), Duration.ofSeconds(40), 4, new Rate(300));
  private static final Goal P95 = new Goal(Goal.GLOBAL, Metric.P95, Duration.ofMillis(20), null, null);
  private static final Goal FAILED = new Goal(Goal.GLOBAL, Metric.FAILED, null, new Percent(0), null);

  /** Verdicts of every level: p95 and failed share as measured per level. */
  private static List<Verdict> levels(double p95AtOrAbove300, double failedAt200) {
    List<Verdict> verdicts = new ArrayList<>();
    for (Shape.Staircase.Level level : STRESS.levels()) {
      double rate = level.magnitude();
      String scope = level.name() + " / GET /simple";
      double p95 = rate >= 300 ? p95AtOrAbove300 : 5;
      double failed = rate == 200 ? failedAt200 : 0;
      verdicts.add(new Verdict(new GoalAssertion(P95, scope, null, 10, 1, GoalAssertion.TARGETS), p95 < 20, p95, null, null, 1000));
      verdicts.add(new Verdict(new GoalAssertion(FAILED, scope, null, 10, 1, GoalAssertion.TARGETS), failed <= 0, failed, null, null, 0));
    }
    return verdicts;
  }

  @Test
  void theKneeIsTheHighestLevelBeforeTheFirstMissedGoal() {
    assertThat(RunReport.knee(STRESS, levels(45, 0)))
        .startsWith("knee: 200/s (goal at least 300/s); missed at 300/s: p95 of \"level 300/s / GET /simple\" was 45 ms; goal < 20ms");
  }

  @Test
  void aLaterGoodLevelDoesNotMoveTheKneeUp() {
    assertThat(RunReport.knee(STRESS, levels(5, 1.5)))
        .startsWith("knee: 100/s").contains("failed of \"level 200/s / GET /simple\" was 1.50 %; goal <= 0%");
  }

  @Test
  void everyLevelWithinGoalsReportsTheTopLevel() {
    assertThat(RunReport.knee(STRESS, levels(5, 0))).startsWith("knee: at least 400/s");
  }

  @Test
  void aLevelGatlingCouldNotFindBreaksTheKnee() {
    List<Verdict> verdicts = List.of(new Verdict(new GoalAssertion(P95, "level 100/s / GET /simple", null, 10, 1, GoalAssertion.TARGETS), false, null, "no stats", null, 0));
    assertThat(RunReport.knee(STRESS, verdicts)).startsWith("knee: none").contains("could not be measured (no stats)");
  }

  @Test
  void aWorkerStaircaseSpeaksInWorkers() {
    Shape.WorkerStress workers = new Shape.WorkerStress(10, 40, Duration.ofSeconds(40), 4, 30);
    Goal p95 = new Goal("copy image", Metric.P95, Duration.ofMillis(200), null, null);
    List<Verdict> verdicts = workers.levels().stream()
        .map(level -> new Verdict(new GoalAssertion(p95, level.name() + " / copy image", null, 10, 1, GoalAssertion.TARGETS),
            level.magnitude() < 30, level.magnitude() < 30 ? 150.0 : 450.0, null, null, 0))
        .toList();
    assertThat(RunReport.knee(workers, verdicts))
        .startsWith("knee: 20 workers (goal at least 30 workers); missed at 30 workers: p95 of \"level 30 workers / copy image\"");
  }

  @Test
  void throughputVerdictsSpeakInRates() {
    Goal share = new Goal(Goal.GLOBAL, Metric.THROUGHPUT, null, new Percent(98), null);
    Verdict verdict = new Verdict(new GoalAssertion(share, GoalAssertion.ALL_REQUESTS, null, 60, 1, GoalAssertion.TARGETS), false, 57_000.0, null, null, 0);
    assertThat(verdict.message()).isEqualTo("throughput of all requests was 950.0/s (57000 requests in 60 s); goal >= 98%");
    Goal messages = new Goal(Goal.GLOBAL, Metric.MESSAGE_RATE, null, null, new Rate(10_000));
    Verdict queue = new Verdict(new GoalAssertion(messages, GoalAssertion.ALL_REQUESTS, null, 60, 100, GoalAssertion.TARGETS), true, 12_000.0, null, null, 0);
    assertThat(queue.message()).isEqualTo("message-rate of all requests was 20000 messages/s (12000 requests of 100 in 60 s); goal >= 10000/s");
  }
}
