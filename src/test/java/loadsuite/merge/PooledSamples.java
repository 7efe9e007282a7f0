package loadsuite.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** For the tests: the percentiles a run's figures must have, computed here from the raw samples by the definition. */
public final class PooledSamples {
  private PooledSamples() {}

  /** A merged run's percentiles are exactly those of all the injectors' samples pooled (never an average of theirs). */
  public static void assertPercentilesOf(List<Integer> samples, int p50, int p95, int p99) {
    assertThat(List.of(p50, p95, p99)).as("p50, p95, p99 of the pooled samples")
        .containsExactly(nearestRank(samples, 50), nearestRank(samples, 95), nearestRank(samples, 99));
  }

  /** The k-th smallest sample, k = ceil(percent/100 × n). */
  public static int nearestRank(List<Integer> samples, double percent) {
    List<Integer> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    return sorted.get(Math.max(1, (int) Math.ceil(percent / 100 * sorted.size())) - 1);
  }
}
