package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;
import loadsuite.load.Shape;
import loadsuite.results.RunSummary.GoalResult;
import org.junit.jupiter.api.Test;

/** The knee at each count of instances and the scaling efficiency, judged on given verdicts of the levels. */
class ScalingResultsTest {
  private static final Goal P95 = new Goal(Goal.GLOBAL, Metric.P95, Duration.ofMillis(20), null, null);

  /** 1, 2 and 4 instances, 100 to 400/s per instance in 4 levels: 100, 200, 300, 400 times the count. */
  private static Shape.Scaling scaling(String efficiency) {
    return new Shape.Scaling(List.of(1, 2, 4), new Rate(100), new Rate(400), Duration.ofSeconds(40), 4,
        new Percent(Double.parseDouble(efficiency)), 1);
  }

  /** Every level meets p95 below the highest rate each count holds ({@code held}: count to rate; absent, every level). */
  private static List<Verdict> levels(Shape.Scaling scaling, Map<Integer, Double> held) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int count : scaling.instances()) {
      for (Shape.Staircase.Level level : scaling.staircase(count).levels()) {
        boolean met = level.magnitude() <= held.getOrDefault(count, Double.MAX_VALUE);
        verdicts.add(new Verdict(new GoalAssertion(P95, level.name() + " / GET /simple", null, 10, 1, GoalAssertion.TARGETS), met,
            met ? 5.0 : 45.0, null, null, 1000));
      }
    }
    return verdicts;
  }

  @Test
  void theEfficiencyIsTheKneeOfNInstancesOverNTimesTheKneeOfOne() {
    assertThat(ScalingResults.efficiency(4, 900, 300)).isEqualTo(0.75);
    assertThat(ScalingResults.efficiency(2, 600, 300)).isEqualTo(1.0);
  }

  @Test
  void eachCountAboveOneGetsAGoalRowOnItsKneeAgainstOneInstanceKnee() {
    Shape.Scaling scaling = scaling("90");
    ScalingResults results = ScalingResults.judge(scaling, levels(scaling, Map.of(1, 300.0, 2, 600.0, 4, 800.0)));
    assertThat(results.lines()).contains("knee on 1 instance: 300/s; missed at 400/s: p95 of \"level 400/s on 1 instance / GET /simple\"",
        "knee on 4 instances: 800/s; missed at 1200/s");
    assertThat(results.goals()).extracting(GoalResult::scope, GoalResult::actual, GoalResult::met)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2 instances", 100.0, true),
            org.assertj.core.groups.Tuple.tuple("4 instances", 100 * ScalingResults.efficiency(4, 800, 300), false));
    assertThat(results.goals().get(1).message())
        .isEqualTo("scaling efficiency on 4 instances was 66.7 % (knee 800/s / (4 × 300/s)); goal >= 90%");
  }

  @Test
  void aKneeNotReachedAtNInstancesIsALowerBound() {
    Shape.Scaling scaling = scaling("90");
    List<GoalResult> goals = ScalingResults.judge(scaling, levels(scaling, Map.of(1, 300.0))).goals();
    assertThat(goals).allMatch(GoalResult::met);
    assertThat(goals.get(1).message()).startsWith("scaling efficiency on 4 instances was at least 133.3 %")
        .contains("raise end-rate");
  }

  @Test
  void withoutAKneeAtOneInstanceOnlyAGoalOfZeroIsMet() {
    Shape.Scaling ninety = scaling("90");
    assertThat(ScalingResults.judge(ninety, levels(ninety, Map.of())).goals()).noneMatch(GoalResult::met)
        .allMatch(g -> g.actual() == null && g.message().contains("could not be measured: 1 instance met its goals on every level"));
    Shape.Scaling zero = scaling("0");
    assertThat(ScalingResults.judge(zero, levels(zero, Map.of())).goals()).allMatch(GoalResult::met);
  }

  @Test
  void oneInstanceMissingItsFirstLevelFailsEveryCount() {
    Shape.Scaling scaling = scaling("0");
    assertThat(ScalingResults.judge(scaling, levels(scaling, Map.of(1, 50.0))).goals()).noneMatch(GoalResult::met)
        .allMatch(g -> g.message().contains("1 instance missed its goals on the first level, 100/s (lower start-rate)"));
  }

  @Test
  void aFullEfficiencyGoalFailsTheSmallestShortfall() {
    Shape.Scaling scaling = scaling("100");
    List<GoalResult> goals = ScalingResults.judge(scaling, levels(scaling, Map.of(1, 300.0, 2, 600.0, 4, 800.0))).goals();
    assertThat(goals).extracting(GoalResult::met).containsExactly(true, false);
  }
}
