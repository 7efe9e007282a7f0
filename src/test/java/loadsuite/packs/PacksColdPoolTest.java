package loadsuite.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How the packs workloads choose: cold items never asked for twice within cold-after. */
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

  private static Integer[] box(int[] items) {
    return java.util.Arrays.stream(items).boxed().toArray(Integer[]::new);
  }
}
