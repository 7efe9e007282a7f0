package loadsuite.packs;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Choices made call after call in exact shares, evenly spread: what a random draw gives only on
 * average. A short run (the smoke profile) then sends every kind of request it plans, and a goal on
 * a rare one always has samples.
 */
final class Interleave {
  private static final int MAX_CYCLE = 100_000;

  private Interleave() {}

  /** True in {@code fraction} (0 to 1) of the calls: the n-th call is true when n × fraction passes a whole number. */
  static BooleanSupplier share(double fraction) {
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("a share of " + fraction);
    }
    AtomicLong calls = new AtomicLong();
    return () -> {
      long n = calls.getAndIncrement();
      return Math.floor((n + 1) * fraction) > Math.floor(n * fraction);
    };
  }

  /**
   * The names in turn, each {@code weights[i]} times in every cycle of the weights' sum, spread as
   * a smooth weighted round robin does ({@code 5, 1, 1}: a a b a c a a).
   */
  static Supplier<String> weighted(List<String> names, int... weights) {
    int total = 0;
    for (int weight : weights) {
      if (weight < 1) {
        throw new IllegalArgumentException("a weight of " + weight);
      }
      total += weight;
    }
    if (names.size() != weights.length || total > MAX_CYCLE) {
      throw new IllegalArgumentException(names.size() + " names, " + weights.length + " weights of sum " + total);
    }
    String[] cycle = new String[total];
    long[] current = new long[weights.length];
    for (int slot = 0; slot < total; slot++) {
      int best = 0;
      for (int i = 0; i < weights.length; i++) {
        current[i] += weights[i];
        if (current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      cycle[slot] = names.get(best);
    }
    AtomicLong calls = new AtomicLong();
    return () -> cycle[(int) (calls.getAndIncrement() % cycle.length)];
  }
}
