package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class InterleaveTest {
  @Test
  void aShareIsExactOverAnyRunOfCallsAndSpread() {
    BooleanSupplier fifth = Interleave.share(0.2);
    List<Boolean> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      calls.add(fifth.getAsBoolean());
    }
    assertThat(calls.stream().filter(b -> b).count()).isEqualTo(20);
    for (int start = 0; start + 5 <= 100; start += 5) {
      assertThat(calls.subList(start, start + 5)).as("calls %d to %d", start, start + 4).containsOnlyOnce(true);
    }
    BooleanSupplier half = Interleave.share(0.5);
    assertThat(List.of(half.getAsBoolean(), half.getAsBoolean(), half.getAsBoolean(), half.getAsBoolean()))
        .containsExactly(false, true, false, true);
  }

  @Test
  void weightsGiveEachItemItsCountInEveryCycleSpreadOut() {
    Supplier<String> turns = Interleave.weighted(List.of("a", "b", "c"), 5, 1, 1);
    StringBuilder cycle = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      cycle.append(turns.get());
    }
    assertThat(cycle.toString()).isEqualTo("aabacaa" + "aabacaa");
  }

  @Test
  void tenIterationsAtThirtyPercentHoldExactlyThreeOfThatBranch() {
    Supplier<String> jobs = Interleave.weighted(List.of("copy", "tree"), 70, 30);
    int trees = 0;
    for (int i = 0; i < 10; i++) {
      trees += jobs.get().equals("tree") ? 1 : 0;
    }
    assertThat(trees).isEqualTo(3);
  }

  @Test
  void everyRunFromTheStartHoldsEachShareToWithinOne() {
    Supplier<Integer> turns = Interleave.weighted(List.of(0, 1, 2), 37.5, 37.5, 25);
    double[] shares = {0.375, 0.375, 0.25};
    int[] counts = new int[3];
    for (int n = 1; n <= 1000; n++) {
      counts[turns.get()]++;
      for (int b = 0; b < 3; b++) {
        assertThat(Math.abs(counts[b] - shares[b] * n)).as("item %d after %d calls", b, n).isLessThan(1.0);
      }
    }
  }

  @Test
  void aZeroWeightIsNeverTakenAndNoWeightAtAllIsRefused() {
    Supplier<String> turns = Interleave.weighted(List.of("a", "b"), 100, 0);
    for (int i = 0; i < 50; i++) {
      assertThat(turns.get()).isEqualTo("a");
    }
    assertThatThrownBy(() -> Interleave.weighted(List.of("a", "b"), 0, 0)).hasMessageContaining("weights of sum 0");
    assertThatThrownBy(() -> Interleave.weighted(List.of("a", "b"), 50, -1)).hasMessageContaining("a weight of -1");
    assertThatThrownBy(() -> Interleave.share(1.5)).hasMessageContaining("a share of 1.5");
  }
}
