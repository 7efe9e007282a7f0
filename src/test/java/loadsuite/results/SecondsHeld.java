package loadsuite.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Held;
import loadsuite.goals.Metric;
import loadsuite.load.NamedRequests;
import loadsuite.log.LogRecord;
import loadsuite.log.SimulationLog;

/**
 * The held goals judged second by second on the exact responses of a run's log (cut to its measured
 * window): each response counts in the second it ended in, and a goal held in a second when that
 * second's responses met it; a second without a response in the scope (a stall) did not hold. The
 * seconds run from the window's start to its last response.
 */
final class SecondsHeld {
  /** One second of a scope: its response times and how many failed. */
  private static final class Second {
    final ResponseTimes times = new ResponseTimes();
    long failed;
  }

  private SecondsHeld() {}

  /** Each held goal's verdict: the share of the seconds it held in, and which. */
  static List<RunSummary.HeldGoal> judge(Path log, List<Held> held) {
    Map<String, List<Second>> scopes = new HashMap<>();
    held.forEach(h -> scopes.put(h.goal().scope(), new ArrayList<>()));
    int seconds = 0;
    try (SimulationLog opened = SimulationLog.open(log)) {
      long start = opened.header().start();
      for (LogRecord r = opened.next(); r != null; r = opened.next()) {
        if (r instanceof LogRecord.Response response) {
          int second = second(start, response.end());
          seconds = Math.max(seconds, second + 1);
          String path = NamedRequests.path(response.groups(), response.name());
          add(scopes.get(Goal.GLOBAL), second, (int) (response.end() - response.start()), response.ok());
          add(scopes.get(path), second, (int) (response.end() - response.start()), response.ok());
        } else if (r instanceof LogRecord.Group group) {
          add(scopes.get(String.join(NamedRequests.SEPARATOR, group.groups())), second(start, group.end()), group.cumulatedResponseTime(),
              group.ok());
        }
      }
    }
    List<RunSummary.HeldGoal> results = new ArrayList<>();
    for (Held h : held) {
      List<Second> scope = scopes.get(h.goal().scope());
      StringBuilder strip = new StringBuilder();
      int met = 0;
      for (int i = 0; i < seconds; i++) {
        boolean ok = i < scope.size() && holds(h.goal(), scope.get(i));
        strip.append(ok ? '1' : '0');
        met += ok ? 1 : 0;
      }
      double share = seconds == 0 ? 0 : 100.0 * met / seconds;
      String of = Goal.GLOBAL.equals(h.goal().scope()) ? "all requests" : "\"" + h.goal().scope() + "\"";
      String message = String.format(Locale.ROOT, "%s of %s held in %.1f %% of the %d measured seconds (%d); goal at least %s",
          h.goal().metric().key + " " + (h.goal().metric() == Metric.FAILED ? "<= " : "< ") + h.goal().threshold(), of, share, seconds, met,
          h.share());
      results.add(new RunSummary.HeldGoal(h.describe(of), Goal.GLOBAL.equals(h.goal().scope()) ? GoalAssertion.ALL_REQUESTS : h.goal().scope(),
          h.goal().metric().key, h.share().toString(), share, share >= h.share().value(), message, strip.toString()));
    }
    return results;
  }

  private static int second(long start, long end) {
    return (int) Math.max(0, (end - start) / 1000);
  }

  private static void add(List<Second> scope, int second, int millis, boolean ok) {
    if (scope == null) {
      return;
    }
    while (scope.size() <= second) {
      scope.add(new Second());
    }
    Second s = scope.get(second);
    s.times.add(Math.max(0, millis));
    s.failed += ok ? 0 : 1;
  }

  /** Whether one second's responses met the goal, as the whole window's are judged: times strictly below, failed at most. */
  private static boolean holds(Goal goal, Second second) {
    ResponseTimes t = second.times;
    if (t.count() == 0) {
      return false;
    }
    if (goal.metric() == Metric.FAILED) {
      return 100.0 * second.failed / t.count() <= goal.percent().value();
    }
    double value = goal.metric() == Metric.MEAN ? Math.floor(t.mean()) : goal.metric() == Metric.MAX ? t.max() : t.percentile(goal.metric().percentile);
    return value < goal.time().toMillis();
  }
}
