package loadsuite.goals;

import loadsuite.results.RunStats.Stats;

/** Whether measured statistics meet a goal, by the same rules as the Gatling assertions of {@link GoalAssertions}. */
public final class GoalCheck {
  private GoalCheck() {}

  public static boolean met(Goal goal, Stats stats, long planned, double seconds, int batchSize) {
    return switch (goal.metric()) {
      case P50 -> stats.p50() < goal.time().toMillis();
      case P75 -> stats.p75() < goal.time().toMillis();
      case P95 -> stats.p95() < goal.time().toMillis();
      case P99 -> stats.p99() < goal.time().toMillis();
      case MAX -> stats.max() < goal.time().toMillis();
      case MEAN -> stats.mean() < goal.time().toMillis();
      case FAILED -> stats.failedPercent() <= goal.percent().value();
      case THROUGHPUT, MESSAGE_RATE -> stats.count() >= GoalAssertions.requiredCount(goal, planned, seconds, batchSize);
    };
  }
}
