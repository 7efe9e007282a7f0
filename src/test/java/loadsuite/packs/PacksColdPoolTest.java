package loadsuite.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How the packs workloads choose: cold items never asked for twice within cold-after, shares exact and spread. */
class PacksColdPoolTest {
  private final AtomicLong clock = new AtomicLong(1_000);

  private ColdPool pool(int size) {
    return new ColdPool(size, 42, Duration.ofSeconds(60), clock::get);
  }

  @Test
  void everyItemIsHandedOutOnceInAShuffledOrderAndTheReservedOnesNever() {
    ColdPool pool = pool(50);
    int[] reserved = pool.reserve(10);
    assertThat(pool.coldItems()).isEqualTo(40);
    List<Integer> taken = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ColdPool.Taken next = pool.next();
      assertThat(next.cold()).isTrue();
      taken.add(next.item());
    }
    assertThat(new HashSet<>(taken)).hasSize(40).doesNotContainAnyElementsOf(List.of(box(reserved)));
    assertThat(taken).isNotEqualTo(taken.stream().sorted().toList());
  }

  @Test
  void anItemIsColdAgainOnlyColdAfterItsLastRequest() {
    ColdPool pool = pool(3);
    Set<Integer> first = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      first.add(pool.next().item());
    }
    clock.addAndGet(Duration.ofSeconds(59).toNanos());
    ColdPool.Taken tooSoon = pool.next();
    assertThat(tooSoon.cold()).as("all three were asked for 59 s ago").isFalse();
    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    Set<Integer> again = new HashSet<>();
    for (int i = 0; i < 2; i++) {
      ColdPool.Taken next = pool.next();
      assertThat(next.cold()).isTrue();
      again.add(next.item());
    }
    assertThat(again).doesNotContain(tooSoon.item()).isSubsetOf(first);
  }

  @Test
  void anItemAskedForOutsideThePoolIsNotCold() {
    ColdPool pool = pool(2);
    pool.asked(0);
    assertThat(pool.next().item()).isEqualTo(1);
    assertThat(pool.next().cold()).isFalse();
  }

  @Test
  void itemsAWantedTestRefusesStayForLater() {
    ColdPool pool = pool(10);
    List<Integer> even = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ColdPool.Taken next = pool.next(item -> item % 2 == 0);
      assertThat(next.cold()).isTrue();
      even.add(next.item());
    }
    assertThat(even).containsExactlyInAnyOrder(0, 2, 4, 6, 8);
    Set<Integer> odd = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ColdPool.Taken next = pool.next();
      assertThat(next.cold()).isTrue();
      odd.add(next.item());
    }
    assertThat(odd).containsExactlyInAnyOrder(1, 3, 5, 7, 9);
  }

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
  void weightsGiveEachNameItsCountInEveryCycleSpreadOut() {
    Supplier<String> turns = Interleave.weighted(List.of("a", "b", "c"), 5, 1, 1);
    StringBuilder cycle = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      cycle.append(turns.get());
    }
    assertThat(cycle.toString()).isEqualTo("aabacaa");
    Supplier<String> seed = new PacksKeys.Mix(100, 49, 4, 5, 4, 1).operations();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 163 * 3; i++) {
      counts.merge(seed.get(), 1, Integer::sum);
    }
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(
        Map.of("list", 300, "search", 147, "show", 12, "info", 15, "install", 12, "journey", 3));
  }

  private static Integer[] box(int[] items) {
    return java.util.Arrays.stream(items).boxed().toArray(Integer[]::new);
  }
}
