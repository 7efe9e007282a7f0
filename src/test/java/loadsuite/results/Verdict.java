package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;

/**
 * Whether a run met one goal, with the exact value it measured (null when the scope has no
 * response), the value Gatling's own reading of the log gives ({@code gatling}, its report's; null
 * when it gives none) and the number of responses in the scope ({@code samples}).
 */
public record Verdict(GoalAssertion goalAssertion, boolean met, Double actual, String error, Double gatling, long samples) {
  /** How far Gatling's figure may be from the exact one before both are shown: its times are whole milliseconds. */
  private static final double SAME_MS = 1;

  /** What was measured, as a person reads it: {@code p99 of "GET /simple" was 73 ms; goal < 50ms}. */
  public String message() {
    GoalAssertion ga = goalAssertion;
    String goal = "goal " + ga.describe().replaceFirst("^.* (<|<=|>=) ", "$1 ");
    String of = GoalAssertion.ALL_REQUESTS.equals(ga.scope()) ? "all requests" : "\"" + ga.scope() + "\"";
    if (actual == null) {
      return ga.goal().metric().key + " of " + of + " could not be measured (" + error + "); " + goal;
    }
    String measured = switch (ga.goal().metric().kind) {
      case RESPONSE_TIME -> String.format(Locale.ROOT, ga.goal().metric() == Metric.MEAN ? "%.1f ms" : "%.0f ms", actual)
          + responseTimeNotes();
      case SCHEDULE_LAG, INTENDED_TIME -> String.format(Locale.ROOT, "%.1f ms", actual);
      case SENDS -> throw new IllegalStateException(ga.goal().metric().key + " is judged on the generator's figures, not the log");
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

  /**
   * What a response-time figure is over, where it matters: Gatling's report's figure when it differs
   * from the exact one, and a percentile over too few responses to mean what it says.
   */
  private String responseTimeNotes() {
    List<String> notes = new ArrayList<>();
    if (gatling != null && Math.abs(gatling - actual) > SAME_MS) {
      notes.add(String.format(Locale.ROOT, "exact over %d responses; Gatling's report: %s %.0f ms", samples,
          goalAssertion.goal().metric().key, gatling));
    }
    loadsuite.goals.SampleSizes.tooFew(goalAssertion.goal().metric(), samples).ifPresent(notes::add);
    return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
  }
}
