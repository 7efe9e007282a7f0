package loadsuite.results;

import java.util.Locale;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;

/** Whether a run met one goal, with the value Gatling measured for it (null when it could not resolve the scope). */
public record Verdict(GoalAssertion goalAssertion, boolean met, Double actual, String error) {

  /** What was measured, as a person reads it: {@code p99 of "GET /simple" was 73 ms; goal < 50ms}. */
  public String message() {
    GoalAssertion ga = goalAssertion;
    String goal = "goal " + ga.describe().replaceFirst("^.* (<|<=|>=) ", "$1 ");
    String of = GoalAssertion.ALL_REQUESTS.equals(ga.scope()) ? "all requests" : "\"" + ga.scope() + "\"";
    if (actual == null) {
      return ga.goal().metric().key + " of " + of + " could not be measured (" + error + "); " + goal;
    }
    String measured = switch (ga.goal().metric().kind) {
      case RESPONSE_TIME -> String.format(Locale.ROOT, "%.0f ms", actual);
      case SCHEDULE_LAG, INTENDED_TIME -> String.format(Locale.ROOT, "%.1f ms", actual);
      case FAILED -> String.format(Locale.ROOT, "%.2f %%", actual);
      case THROUGHPUT -> switch (ga.goal().metric()) {
        case MESSAGE_RATE -> String.format(Locale.ROOT, "%.0f messages/s (%.0f requests of %d in %.0f s)",
            actual * ga.unitsPerRequest() / ga.windowSeconds(), actual, ga.unitsPerRequest(), ga.windowSeconds());
        case DATA_RATE -> String.format(Locale.ROOT, "%s (%.0f requests of %d bytes in %.0f s)",
            ga.goal().dataRate().format(actual * ga.unitsPerRequest() / ga.windowSeconds()), actual, ga.unitsPerRequest(),
            ga.windowSeconds());
        default -> String.format(Locale.ROOT, "%.1f/s (%.0f requests in %.0f s)", actual / ga.windowSeconds(), actual, ga.windowSeconds());
      };
    };
    return ga.goal().metric().key + " of " + of + " was " + measured + "; " + goal;
  }
}
