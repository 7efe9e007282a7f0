package loadsuite.nebulagc.standin;

/**
 * The token buckets of the real server's router, each a rate and a burst: per client IP on every
 * route, per node on the {@code /nodes}, {@code /config} and {@code /routes} groups (a bucket per
 * group), per cluster on {@code /topology}. When off, nothing is limited.
 */
public record RateLimits(boolean enabled, Limit perIp, Limit nodes, Limit config, Limit routes, Limit topology) {
  /** The real server's numbers; each burst is twice the rate, as there. */
  public static final RateLimits DEFAULT = new RateLimits(true,
      new Limit(100, 200), new Limit(50, 100), new Limit(10, 20), new Limit(20, 40), new Limit(100, 200));
  public static final RateLimits OFF = DEFAULT.withEnabled(false);

  /** {@code perSecond} tokens refill a bucket that holds at most {@code burst}; a request takes one. */
  public record Limit(double perSecond, int burst) {
    public Limit {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException("a rate limit needs a rate > 0 and a burst >= 1, got " + perSecond + "/s, burst " + burst);
      }
    }
  }

  public RateLimits withEnabled(boolean on) {
    return new RateLimits(on, perIp, nodes, config, routes, topology);
  }
}
