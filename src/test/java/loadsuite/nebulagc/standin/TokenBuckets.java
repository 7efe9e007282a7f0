package loadsuite.nebulagc.standin;

import java.util.concurrent.ConcurrentHashMap;

/** One rate limit: a token bucket per key (client IP, node or cluster), full when first seen. */
final class TokenBuckets {
  /** Past this many keys, full buckets are dropped (a full bucket is the same as a new one). */
  private static final int PRUNE_ABOVE = 10_000;

  private final RateLimits.Limit limit;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(RateLimits.Limit limit) {
    this.limit = limit;
  }

  /** Takes a token from {@code key}'s bucket; false when it is empty. */
  boolean allow(String key) {
    long now = System.nanoTime();
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      if (buckets.size() > PRUNE_ABOVE) {
        buckets.values().removeIf(b -> b.isFull(now));
      }
      bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
    }
    return bucket.take(now);
  }

  private static final class Bucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long refilledAt;

    Bucket(RateLimits.Limit limit, long now) {
      perNano = limit.perSecond() / 1e9;
      burst = limit.burst();
      tokens = burst;
      refilledAt = now;
    }

    synchronized boolean take(long now) {
      refill(now);
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      if (now > refilledAt) {
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
      }
    }
  }
}
