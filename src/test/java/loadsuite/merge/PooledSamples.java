package loadsuite.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** For the tests: percentiles of a merged run against those of all the samples pooled. */
public final class PooledSamples {
  private PooledSamples() {}

  /**
   * Gatling's percentiles are t-digest estimates of whole milliseconds: within 1 ms of the pooled
   * samples' own (nearest rank), where percentiles averaged over injectors would be far off.
   */
  public static void assertPercentilesOf(List<Integer> samples, int p50, int p95, int p99) {
    List<Integer> sorted = new ArrayList<>(samples);
    sorted.sort(null);
    assertThat(p50).as("p50").isBetween(rank(sorted, 50) - 1, rank(sorted, 50) + 1);
    assertThat(p95).as("p95").isBetween(rank(sorted, 95) - 1, rank(sorted, 95) + 1);
    assertThat(p99).as("p99").isBetween(rank(sorted, 99) - 1, rank(sorted, 99) + 1);
  }

  private static int rank(List<Integer> sorted, int percentile) {
    return sorted.get((int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
  }
}
