package loadsuite.goals;

import io.gatling.javaapi.core.Assertion;

/**
 * One goal as asserted on one scope of the run: {@code all requests}, a request, or a level of a
 * stress staircase ({@code level 5600/s / GET /simple}), over a measured window of {@code windowSeconds}.
 * {@code unitsPerRequest} is what one request carries: messages (message-rate), bytes (data-rate), else 1.
 */
public record GoalAssertion(Goal goal, String scope, Assertion assertion, double windowSeconds, long unitsPerRequest, String origin) {
  public static final String ALL_REQUESTS = "all requests";
  public static final String TARGETS = "targets.conf";

  /**
   * Whether Gatling's own assertion on this goal is exact too (a count or a share of counts), so that
   * Gatling may judge it beside the suite; its response-time figures are t-digest estimates.
   */
  public boolean countsOnly() {
    return goal.metric().kind == Metric.Kind.FAILED || goal.metric().kind == Metric.Kind.THROUGHPUT;
  }

  /** The scope as Gatling's assertion paths name it: empty for all requests, else the groups and the request (or group). */
  public java.util.List<String> path() {
    return ALL_REQUESTS.equals(scope) ? java.util.List.of() : loadsuite.load.NamedRequests.parts(scope);
  }

  /** What the goal asks, as a person reads it: {@code p99 of "GET /simple" < 50ms}. */
  public String describe() {
    String of = ALL_REQUESTS.equals(scope) ? "all requests" : "\"" + scope + "\"";
    return switch (goal.metric().kind) {
      case RESPONSE_TIME, INTENDED_TIME -> goal.metric().key + " of " + of + " < " + goal.threshold();
      case SCHEDULE_LAG -> goal.metric().key + " of the iterations < " + goal.threshold();
      case FAILED -> "failed requests of " + of + " <= " + goal.threshold();
      case THROUGHPUT -> goal.metric().key + " of " + of + " >= " + goal.threshold();
      case SENDS -> goal.metric() == Metric.ACHIEVED ? "achieved iterations of the planned >= " + goal.threshold()
          : "dropped sends <= " + goal.threshold();
    };
  }
}
