package loadsuite.goals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import loadsuite.load.Shape;
import loadsuite.load.Workload;

/**
 * Whether a percentile goal gets enough responses to mean what it says: at least ten beyond the
 * percentile (p99 needs 1000, p95 200, p75 40, p50 20; over 40 responses a p99 is the slowest
 * one). Known before the load where the plan fixes the count: on {@code global} (every planned
 * iteration sends at least one measured request), on the one request of a simulation that sends
 * one, and per level of a staircase (each level's iterations). A closed shape plans no count.
 */
public final class SampleSizes {
  private SampleSizes() {}

  /** The fewest responses a percentile needs: ten beyond it. */
  public static long enoughFor(double percent) {
    return percent >= 100 || percent <= 0 ? 1 : (long) Math.ceil(10 / (1 - percent / 100) - 1e-9);
  }

  /** {@code p99 over 40 responses: at least 1000 make it a p99}, when a percentile is over fewer responses than it needs. */
  public static java.util.Optional<String> tooFew(Metric metric, long responses) {
    if (!isPercentile(metric) || responses >= enoughFor(metric.percentile)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(String.format(Locale.ROOT, "%s over %d %s: at least %d make it a %s", metric.key, responses,
        metric.kind == Metric.Kind.SCHEDULE_LAG ? "iterations" : "responses", enoughFor(metric.percentile), metric.key));
  }

  /**
   * The percentile goals of a workload that its plan gives too few responses, as the plan printed
   * before the load says them ({@code p99 of all requests over at least 400 planned responses: …}).
   *
   * @param requestsSent how many request names the simulation sends (with one, every goal's count is planned)
   */
  public static List<String> shortOf(Workload workload, List<Goal> goals, int requestsSent) {
    if (workload.schedule().closed()) {
      return List.of();
    }
    long planned = workload.shape() instanceof Shape.Staircase staircase
        ? staircase.levels().stream().map(Shape.Staircase.Level::plannedIterations).min(Comparator.naturalOrder()).orElse(0L)
        : workload.schedule().plannedMeasuredIterations();
    String each = workload.shape() instanceof Shape.Staircase ? " in its smallest level" : "";
    List<String> short_ = new ArrayList<>();
    for (Goal goal : goals) {
      boolean known = Goal.GLOBAL.equals(goal.scope()) || requestsSent == 1 || workload.shape() instanceof Shape.Staircase;
      if (known && isPercentile(goal.metric()) && planned < enoughFor(goal.metric().percentile)) {
        boolean lag = goal.metric().kind == Metric.Kind.SCHEDULE_LAG;
        String of = lag ? "the iterations" : Goal.GLOBAL.equals(goal.scope()) ? "all requests" : "\"" + goal.scope() + "\"";
        short_.add(String.format(Locale.ROOT, "%s of %s over %s%d planned %s%s: at least %d make it a %s", goal.metric().key, of,
            requestsSent == 1 || lag ? "" : "at least ", planned, lag ? "iterations" : "responses", each,
            enoughFor(goal.metric().percentile), goal.metric().key));
      }
    }
    return short_;
  }

  private static boolean isPercentile(Metric metric) {
    return metric.kind != Metric.Kind.FAILED && metric.kind != Metric.Kind.THROUGHPUT && metric.percentile > 0
        && metric.percentile < 100;
  }
}
