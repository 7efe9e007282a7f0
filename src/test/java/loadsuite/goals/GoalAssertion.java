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

  /** What the goal asks, as a person reads it: {@code p99 of "GET /simple" < 50ms}. */
  public String describe() {
    String of = ALL_REQUESTS.equals(scope) ? "all requests" : "\"" + scope + "\"";
    return switch (goal.metric().kind) {
      case RESPONSE_TIME, INTENDED_TIME -> goal.metric().key + " of " + of + " < " + goal.threshold();
      case SCHEDULE_LAG -> goal.metric().key + " of the iterations < " + goal.threshold();
      case FAILED -> "failed requests of " + of + " <= " + goal.threshold();
      case THROUGHPUT -> goal.metric().key + " of " + of + " >= " + goal.threshold();
    };
  }
}
