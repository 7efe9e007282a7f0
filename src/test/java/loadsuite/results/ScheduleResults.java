package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;
import loadsuite.goals.SampleSizes;
import loadsuite.load.IntendedTimes;
import loadsuite.results.RunSummary.GoalResult;
import loadsuite.results.RunSummary.Percentiles;
import org.HdrHistogram.Histogram;

/** The schedule lag and the latency from the intended send time: their figures and the goals on them. */
final class ScheduleResults {
  static final String LAG = "schedule lag";
  static final String GENERATOR_LAG = "schedule lag, the generator's own";

  private ScheduleResults() {}

  static RunSummary.Schedule of(IntendedTimes times) {
    List<Percentiles> requests = new ArrayList<>();
    for (Map.Entry<String, Histogram> request : times.byRequest().entrySet()) {
      requests.add(percentiles(request.getKey(), request.getValue()));
    }
    return new RunSummary.Schedule(percentiles(LAG, times.lag()), percentiles(GENERATOR_LAG, times.generatorLag()), times.droppedSends(),
        percentiles(GoalAssertion.ALL_REQUESTS, times.all()), requests);
  }

  /**
   * The verdicts of the goals on the schedule ({@link Metric#fromSchedule()}), on these figures and
   * the iterations the run achieved of those it planned.
   */
  static List<GoalResult> judge(List<Goal> goals, RunSummary.Schedule schedule, long achieved, long planned) {
    List<GoalResult> results = new ArrayList<>();
    for (Goal goal : goals) {
      if (goal.metric().kind == Metric.Kind.SENDS) {
        results.add(judgeSends(goal, schedule.droppedSends(), achieved, planned));
      } else if (goal.metric().fromSchedule()) {
        results.add(judge(goal, schedule));
      }
    }
    return results;
  }

  /** A goal on the sends: achieved of planned (at least), or dropped sends (at most); what a spike's "no dropped request" asks. */
  private static GoalResult judgeSends(Goal goal, long dropped, long achieved, long planned) {
    String describe = new GoalAssertion(goal, GoalAssertion.ALL_REQUESTS, null, 0, 1, GoalAssertion.TARGETS).describe();
    if (goal.metric() == Metric.ACHIEVED) {
      double percent = planned == 0 ? 100 : 100.0 * achieved / planned;
      boolean met = percent >= goal.percent().value();
      String message = String.format(Locale.ROOT, "achieved %d of %d planned iterations (%.2f %%); goal >= %s", achieved, planned, percent,
          goal.threshold());
      return new GoalResult(describe, GoalAssertion.ALL_REQUESTS, goal.metric().key, goal.threshold(), percent, met, message,
          GoalAssertion.TARGETS, null);
    }
    String message = String.format(Locale.ROOT, "%d sends dropped (a connection more than its backlog behind); goal <= %d", dropped,
        goal.count());
    return new GoalResult(describe, GoalAssertion.ALL_REQUESTS, goal.metric().key, goal.threshold(), (double) dropped,
        dropped <= goal.count(), message, GoalAssertion.TARGETS, null);
  }

  private static GoalResult judge(Goal goal, RunSummary.Schedule schedule) {
    boolean lag = goal.metric().kind == Metric.Kind.SCHEDULE_LAG;
    boolean global = Goal.GLOBAL.equals(goal.scope());
    String scope = global ? GoalAssertion.ALL_REQUESTS : goal.scope();
    String of = lag ? "of the iterations" : "of " + (global ? scope : "\"" + scope + "\"");
    String describe = goal.metric().key + " " + of + " < " + goal.threshold();
    Percentiles figures = lag ? schedule.lag() : global ? schedule.global()
        : schedule.requests().stream().filter(p -> p.name().equals(scope)).findFirst().orElse(null);
    if (figures == null || figures.count() == 0) {
      return new GoalResult(describe, scope, goal.metric().key, goal.threshold(), null, false,
          describe + ": not measured (no answered request)", GoalAssertion.TARGETS, null);
    }
    double actual = value(figures, goal.metric());
    boolean met = actual < goal.time().toNanos() / 1e6;
    String tooFew = SampleSizes.tooFew(goal.metric(), figures.count()).map(note -> " (" + note + ")").orElse("");
    String message = String.format(Locale.ROOT, "%s %s was %.1f ms%s; goal < %s", goal.metric().key, of, actual, tooFew, goal.threshold());
    return new GoalResult(describe, scope, goal.metric().key, goal.threshold(), actual, met, message, GoalAssertion.TARGETS, null);
  }

  private static double value(Percentiles p, Metric metric) {
    return switch ((int) metric.percentile) {
      case 50 -> p.p50();
      case 75 -> p.p75();
      case 95 -> p.p95();
      case 99 -> p.p99();
      default -> p.max();
    };
  }

  /** Times recorded in microseconds, given in ms. */
  private static Percentiles percentiles(String name, Histogram h) {
    return new Percentiles(name, h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(75)),
        ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  /** The console lines of the run report. */
  static String render(RunSummary.Schedule schedule) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "schedule lag of %d iterations (%d sends dropped): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        schedule.lag().count(), schedule.droppedSends(), schedule.lag().p50(), schedule.lag().p99(), schedule.lag().max()));
    Percentiles own = schedule.generatorLag();
    if (own != null) {
      out.append(String.format(Locale.ROOT,
          "  of which the generator's own (from due and its connection free, to sent): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          own.p50(), own.p99(), own.max()));
    }
    out.append(String.format("latency from the intended send time (lag + response time):%n"));
    row(out, schedule.global());
    schedule.requests().forEach(p -> row(out, p));
    return out.toString();
  }

  private static void row(StringBuilder out, Percentiles p) {
    out.append(String.format(Locale.ROOT, "%-40s %9d %8s %6.1fms %6.1fms %6.1fms %6.1fms %6.1fms%n",
        p.name(), p.count(), "", p.p50(), p.p75(), p.p95(), p.p99(), p.max()));
  }
}
