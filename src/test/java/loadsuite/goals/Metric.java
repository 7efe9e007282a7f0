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
  DATA_RATE("data-rate", Kind.THROUGHPUT, 0);

  public enum Kind { RESPONSE_TIME, FAILED, THROUGHPUT }

  public final String key;
  public final Kind kind;
  public final double percentile;

  Metric(String key, Kind kind, double percentile) {
    this.key = key;
    this.kind = kind;
    this.percentile = percentile;
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
