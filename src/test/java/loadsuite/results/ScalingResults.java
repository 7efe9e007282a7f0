package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loadsuite.goals.GoalAssertion;
import loadsuite.load.Shape;
import loadsuite.results.RunReport.Knee;
import loadsuite.results.RunSummary.GoalResult;

/**
 * A scaling run's knee at each count of instances (the stress staircase's knee, {@link Knee}) and
 * its scaling efficiency at each count above 1, knee(n) / (n × knee(1)), judged against the
 * workload's {@code scaling-efficiency}. A knee the staircase did not reach (every level met the
 * goals) is a lower bound: at n instances the efficiency is then at least the figure; at 1 instance
 * nothing bounds it, and only a goal of 0 % is met.
 *
 * @param lines the run report's lines: each count's knee (each efficiency is a goal row, printed as the goals are)
 * @param goals one goal row per count above 1
 */
record ScalingResults(String lines, List<GoalResult> goals) {
  static final String METRIC = "scaling-efficiency";

  /** @param verdictsOfAllLevels the per-level goals judged on every level of every count */
  static ScalingResults judge(Shape.Scaling scaling, List<Verdict> verdictsOfAllLevels) {
    StringBuilder lines = new StringBuilder();
    List<Knee> knees = new ArrayList<>();
    for (int count : scaling.instances()) {
      Knee knee = Knee.of(scaling.staircase(count), verdictsOfAllLevels);
      knees.add(knee);
      lines.append(kneeLine(count, knee));
    }
    List<GoalResult> goals = new ArrayList<>();
    Knee one = knees.get(0);
    for (int i = 1; i < knees.size(); i++) {
      goals.add(efficiency(scaling, scaling.instances().get(i), one, knees.get(i)));
    }
    return new ScalingResults(lines.toString(), goals);
  }

  /** knee(n) / (n × knee(1)), as a fraction. */
  static double efficiency(int count, double kneeOfCount, double kneeOfOne) {
    return kneeOfCount / (count * kneeOfOne);
  }

  private static String kneeLine(int count, Knee knee) {
    String on = Shape.Scaling.on(count);
    if (knee.missedAt() == null) {
      return String.format(Locale.ROOT, "knee %s: at least %s, the highest level tried: every level met its goals%n", on,
          rate(knee.level()));
    }
    return String.format(Locale.ROOT, "knee %s: %s; missed at %s: %s%n", on,
        knee.level() == null ? "none, the first level already missed its goals" : rate(knee.level()), rate(knee.missedAt()),
        String.join("; ", knee.missed()));
  }

  private static GoalResult efficiency(Shape.Scaling scaling, int count, Knee one, Knee many) {
    double goal = scaling.efficiency().fraction();
    String describe = "scaling efficiency " + Shape.Scaling.on(count) + " >= " + scaling.efficiency();
    String what = "scaling efficiency " + Shape.Scaling.on(count);
    String ofGoal = "; goal >= " + scaling.efficiency();
    if (one.level() == null) {
      return result(scaling, count, describe, null, false, what + " could not be measured: 1 instance missed its goals on the first"
          + " level, " + rate(one.missedAt()) + " (lower start-rate)" + ofGoal);
    }
    if (one.missedAt() == null) {
      return result(scaling, count, describe, null, goal == 0, what + " could not be measured: 1 instance met its goals on every"
          + " level up to " + rate(one.level()) + ", so its knee is unknown (raise end-rate)" + ofGoal);
    }
    double kneeOfOne = one.level().magnitude();
    if (many.level() == null) {
      return result(scaling, count, describe, 0.0, goal == 0, String.format(Locale.ROOT, "%s was 0 %%: %d instances missed their"
          + " goals on the first level, %s (1 instance held %s)%s", what, count, rate(many.missedAt()), rate(one.level()), ofGoal));
    }
    double measured = efficiency(count, many.level().magnitude(), kneeOfOne);
    boolean lowerBound = many.missedAt() == null;
    String message = String.format(Locale.ROOT, "%s was %s%.1f %% (knee %s / (%d × %s))%s%s", what, lowerBound ? "at least " : "",
        100 * measured, rate(many.level()), count, rate(one.level()),
        lowerBound ? ", every level met its goals: raise end-rate to find the knee" : "", ofGoal);
    return result(scaling, count, describe, 100 * measured, measured >= goal, message);
  }

  private static GoalResult result(Shape.Scaling scaling, int count, String describe, Double actualPercent, boolean met, String message) {
    return new GoalResult(describe, count + " instances", METRIC, scaling.efficiency().toString(), actualPercent, met, message,
        GoalAssertion.TARGETS, null);
  }

  private static String rate(Shape.Staircase.Level level) {
    return Math.round(level.magnitude()) + "/s";
  }
}
