package loadsuite.load;

import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.onCase;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Choices made call after call in exact shares, evenly spread: what a random draw gives only on
 * average. A short run (the smoke profile) then sends every kind of request it plans, and a goal on
 * a rare one always has samples — a random switch leaves 10 iterations at 30 % of one branch
 * without it 2.8 % of the time.
 */
public final class Interleave {
  private Interleave() {}

  /** One branch of a workload's iteration and its share (relative to the shares' sum). */
  public record Branch(double share, ChainBuilder chain) {}

  public static Branch branch(double share, ChainBuilder chain) {
    return new Branch(share, chain);
  }

  /** A chain that runs one of the branches per iteration, each in its share, in the order of {@link #weighted}. */
  public static ChainBuilder of(Branch... branches) {
    List<Integer> indices = new ArrayList<>();
    List<Choice.WithKey> cases = new ArrayList<>();
    double[] shares = new double[branches.length];
    for (int i = 0; i < branches.length; i++) {
      indices.add(i);
      cases.add(onCase(i).then(branches[i].chain()));
      shares[i] = branches[i].share();
    }
    Supplier<Integer> next = weighted(indices, shares);
    return doSwitch(session -> next.get()).on(cases);
  }

  /** True in {@code fraction} (0 to 1) of the calls: the n-th call is true when n × fraction passes a whole number. */
  public static BooleanSupplier share(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("a share of " + fraction);
    }
    AtomicLong calls = new AtomicLong();
    return () -> {
      long n = calls.getAndIncrement();
      return Math.floor((n + 1) * fraction) > Math.floor(n * fraction);
    };
  }

  /**
   * The items in turn, each in the share of its weight, spread as a smooth weighted round robin
   * (nginx's) does: each call every item gains its weight, the one furthest ahead is taken and pays
   * the weights' sum ({@code 5, 1, 1}: a a b a c a a).
   */
  public static <T> Supplier<T> weighted(List<T> items, double... weights) {
    double sum = 0;
    for (double weight : weights) {
      if (!(weight >= 0)) {
        throw new IllegalArgumentException("a weight of " + weight);
      }
      sum += weight;
    }
    if (items.size() != weights.length || !(sum > 0)) {
      throw new IllegalArgumentException(items.size() + " items, " + weights.length + " weights of sum " + sum);
    }
    double total = sum;
    double[] current = new double[weights.length];
    return () -> {
      synchronized (current) {
        int best = 0;
        for (int i = 0; i < weights.length; i++) {
          current[i] += weights[i];
          if (current[i] > current[best]) {
            best = i;
          }
        }
        current[best] -= total;
        return items.get(best);
      }
    };
  }
}
