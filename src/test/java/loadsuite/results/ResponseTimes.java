package loadsuite.results;

/**
 * Every response time of one scope, as Gatling logs them (whole milliseconds), counted per
 * millisecond: its percentiles (nearest rank), maximum and mean are exact, over every response.
 * Counting per millisecond is not a sketch: a bucket is as wide as the unit the times are logged in.
 */
final class ResponseTimes {
  private long[] counts = new long[256];
  private long count;
  private long sum;
  private int min = Integer.MAX_VALUE;
  private int max;

  void add(int millis) {
    if (millis >= counts.length) {
      counts = java.util.Arrays.copyOf(counts, Math.max(millis + 1, counts.length * 2));
    }
    counts[millis]++;
    count++;
    sum += millis;
    min = Math.min(min, millis);
    max = Math.max(max, millis);
  }

  /** These times and those of {@code other}, pooled. */
  ResponseTimes plus(ResponseTimes other) {
    ResponseTimes pooled = new ResponseTimes();
    pooled.counts = new long[Math.max(counts.length, other.counts.length)];
    for (int i = 0; i < pooled.counts.length; i++) {
      pooled.counts[i] = (i < counts.length ? counts[i] : 0) + (i < other.counts.length ? other.counts[i] : 0);
    }
    pooled.count = count + other.count;
    pooled.sum = sum + other.sum;
    pooled.min = Math.min(min, other.min);
    pooled.max = Math.max(max, other.max);
    return pooled;
  }

  long count() {
    return count;
  }

  int min() {
    return count == 0 ? 0 : min;
  }

  int max() {
    return max;
  }

  double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  double standardDeviation() {
    double mean = mean();
    double squares = 0;
    for (int i = 0; i < counts.length; i++) {
      squares += counts[i] * (i - mean) * (i - mean);
    }
    return count == 0 ? 0 : Math.sqrt(squares / count);
  }

  /**
   * The nearest-rank percentile: the smallest time that at least {@code percent} % of the responses
   * took at most (the {@code ceil(percent/100 × count)}-th smallest); 100 is the maximum.
   */
  int percentile(double percent) {
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percent / 100 * count));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i;
      }
    }
    return max;
  }
}
