package loadsuite.goals;

import java.util.ArrayList;
import java.util.List;
import loadsuite.config.Percent;
import loadsuite.config.Section;

/**
 * A goal judged second by second: {@code held = 99%} beside a scope's response-time or failed
 * goals asks that each held in at least that share of the measured seconds ({@code p99 = 100ms,
 * held = 99%}), besides holding over the whole window.
 */
public record Held(Goal goal, Percent share) {
  public static final String KEY = "held";

  /** The held goals of {@code goals { global { p99 = 100ms, held = 99% } }}: every response-time and failed goal of a scope with {@code held}. */
  public static List<Held> readAll(Section goals, List<Goal> all) {
    List<Held> held = new ArrayList<>();
    for (String scope : goals.keys()) {
      Section scoped = goals.child(scope);
      if (!scoped.has(KEY)) {
        continue;
      }
      Percent share = scoped.percent(KEY);
      List<Goal> perSecond = all.stream().filter(g -> g.scope().equals(scope) && bySecond(g.metric())).toList();
      if (perSecond.isEmpty()) {
        throw scoped.error(KEY, "beside a response-time goal (p50, p75, p95, p99, max, mean) or a failed goal of the same scope,"
            + " such as p99 = 100ms, held = 99%");
      }
      perSecond.forEach(g -> held.add(new Held(g, share)));
    }
    return held;
  }

  /** The goals a second of responses can be judged on. */
  private static boolean bySecond(Metric metric) {
    return metric.kind == Metric.Kind.RESPONSE_TIME || metric.kind == Metric.Kind.FAILED;
  }

  /** {@code p99 < 100ms held in at least 99% of the seconds}. */
  public String describe(String of) {
    String bound = goal.metric().kind == Metric.Kind.FAILED ? "<= " : "< ";
    return goal.metric().key + " of " + of + " " + bound + goal.threshold() + " held in at least " + share + " of the seconds";
  }
}
