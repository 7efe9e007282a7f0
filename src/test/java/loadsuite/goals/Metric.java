package loadsuite.goals;

/** What a goal in targets.conf measures, by its key. */
public enum Metric {
  P50("p50", Kind.RESPONSE_TIME, 50),
  P75("p75", Kind.RESPONSE_TIME, 75),
  P95("p95", Kind.RESPONSE_TIME, 95),
  P99("p99", Kind.RESPONSE_TIME, 99),
  MAX("max", Kind.RESPONSE_TIME, 100),
  MEAN("mean", Kind.RESPONSE_TIME, 0),
  /** Share of failed requests, at most. */
  FAILED("failed", Kind.FAILED, 0),
  /** Requests per second over the measured window, at least (absolute, or a share of the plan). */
  THROUGHPUT("throughput", Kind.THROUGHPUT, 0),
  /** Messages per second (requests × batch-size) over the measured window, at least. */
  MESSAGE_RATE("message-rate", Kind.THROUGHPUT, 0),
  /** Bytes per second of a request that carries a body of known size (requests × bytes), at least. */
  DATA_RATE("data-rate", Kind.THROUGHPUT, 0),
  /** How late the measured iterations were sent after their due time (dropped sends included), strictly below; global only. */
  LAG_P50("lag.p50", Kind.SCHEDULE_LAG, 50),
  LAG_P99("lag.p99", Kind.SCHEDULE_LAG, 99),
  LAG_MAX("lag.max", Kind.SCHEDULE_LAG, 100),
  /** Latency from the intended send time (schedule lag + response time), strictly below. */
  INTENDED_P50("intended.p50", Kind.INTENDED_TIME, 50),
  INTENDED_P75("intended.p75", Kind.INTENDED_TIME, 75),
  INTENDED_P95("intended.p95", Kind.INTENDED_TIME, 95),
  INTENDED_P99("intended.p99", Kind.INTENDED_TIME, 99),
  INTENDED_MAX("intended.max", Kind.INTENDED_TIME, 100),
  /** The measured iterations sent, as a share of the planned ones, at least; global only. */
  ACHIEVED("achieved", Kind.SENDS, 0),
  /** Sends the generator dropped because a connection fell more than its backlog behind, at most; global only. */
  DROPPED_SENDS("dropped-sends", Kind.SENDS, 0);

  /**
   * The last three are measured by the suite's generator (the log holds none of them), the others
   * over the responses of the run's log.
   */
  public enum Kind { RESPONSE_TIME, FAILED, THROUGHPUT, SCHEDULE_LAG, INTENDED_TIME, SENDS }

  public final String key;
  public final Kind kind;
  public final double percentile;

  Metric(String key, Kind kind, double percentile) {
    this.key = key;
    this.kind = kind;
    this.percentile = percentile;
  }

  /**
   * Whether the goal is on the generator's schedule (lag, latency from the intended send time, the
   * sends it achieved and dropped), which the run's log does not hold.
   */
  public boolean fromSchedule() {
    return kind == Kind.SCHEDULE_LAG || kind == Kind.INTENDED_TIME || kind == Kind.SENDS;
  }

  public static Metric byKey(String key) {
    for (Metric m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }

  public static String keys() {
    StringBuilder b = new StringBuilder();
    for (Metric m : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(m.key);
    }
    return b.toString();
  }
}
