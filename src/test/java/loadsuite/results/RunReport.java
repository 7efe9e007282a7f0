package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertions;
import loadsuite.load.RateSchedule;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.results.RunStats.Stats;

/**
 * The console summary of a finished run: planned against achieved rate over the measured window
 * (Gatling's own "mean throughput" divides by the whole run, warm-up included), the response
 * times of every request, and for a stress staircase each level and the knee.
 */
public final class RunReport {
  private RunReport() {}

  public static String render(Workload workload, List<Goal> goals, List<String> requestNames, RunStats stats) {
    RateSchedule schedule = workload.schedule();
    double seconds = schedule.measuredDuration().toNanos() / 1e9;
    StringBuilder out = new StringBuilder();
    out.append(String.format("%n---- %s: measured window %.0f s, warm-up excluded ----%n", workload.path(), seconds));
    long planned = schedule.plannedMeasuredRequests();
    long achieved = stats.global().map(Stats::count).orElse(0L);
    out.append(String.format("planned  %8d requests = %9.1f/s%nachieved %8d requests = %9.1f/s (%.1f %% of planned)%n",
        planned, planned / seconds, achieved, achieved / seconds, planned == 0 ? 0 : 100.0 * achieved / planned));
    out.append(String.format("%-28s %9s %8s %7s %7s %7s %7s %7s%n", "request", "count", "failed", "p50", "p75", "p95", "p99", "max"));
    row(out, "all requests", stats.global());
    if (workload.shape() instanceof Shape.Stress stress) {
      String request = requestNames.get(0);
      for (double rate : stress.levelRates()) {
        row(out, Shape.Stress.levelName(rate), stats.request(List.of(Shape.Stress.levelName(rate)), request));
      }
      out.append(knee(stress, stats.judge(GoalAssertions.levels(workload, stress, goals, request, stress.levelRates()))));
    } else {
      for (String request : requestNames) {
        row(out, request, stats.request(List.of(), request));
      }
    }
    return out.toString();
  }

  /** The highest level that, with every level below it, met all the goals. */
  static String knee(Shape.Stress stress, List<Verdict> verdictsOfAllLevels) {
    Double knee = null;
    for (double rate : stress.levelRates()) {
      String level = Shape.Stress.levelName(rate) + " / ";
      List<String> missed = verdictsOfAllLevels.stream()
          .filter(v -> v.goalAssertion().scope().startsWith(level) && !v.met())
          .map(Verdict::message)
          .toList();
      if (!missed.isEmpty()) {
        return String.format("knee: %s (goal at least %s); missed at %.0f/s: %s%n",
            knee == null ? "none, the first level already missed its goals" : Math.round(knee) + "/s",
            stress.knee(), rate, String.join("; ", missed));
      }
      knee = rate;
    }
    return String.format("knee: at least %.0f/s, the highest level tried: every level met its goals (goal at least %s)%n",
        knee, stress.knee());
  }

  private static void row(StringBuilder out, String name, Optional<Stats> stats) {
    if (stats.isEmpty()) {
      out.append(String.format("%-28s %9s%n", name, "no request"));
      return;
    }
    Stats s = stats.get();
    out.append(String.format("%-28s %9d %7.2f%% %5dms %5dms %5dms %5dms %5dms%n",
        name, s.count(), s.failedPercent(), s.p50(), s.p75(), s.p95(), s.p99(), s.max()));
  }
}
