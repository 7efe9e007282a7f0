package loadsuite.packs.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The LRU cache with a TTL, on a clock the test moves. */
class PacksCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();

  private String load() {
    return "value " + loads.incrementAndGet();
  }

  @Test
  void aSecondGetWithinTheTtlIsAHit() {
    PackCache<String> cache = new PackCache<>(10, Duration.ofSeconds(60), now::get);

    assertThat(cache.get("a", this::load)).isEqualTo("value 1");
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(cache.get("a", this::load)).isEqualTo("value 1");
    assertThat(cache.stats()).isEqualTo(new PackCache.Stats(1, 1, 0, 1));
  }

  @Test
  void anEntryPastItsTtlIsLoadedAgain() {
    PackCache<String> cache = new PackCache<>(10, Duration.ofSeconds(60), now::get);
    cache.get("a", this::load);

    now.addAndGet(Duration.ofSeconds(60).toNanos());

    assertThat(cache.get("a", this::load)).isEqualTo("value 2");
    assertThat(cache.stats()).isEqualTo(new PackCache.Stats(0, 2, 0, 1));
  }

  @Test
  void theLeastRecentlyUsedEntryIsEvicted() {
    PackCache<String> cache = new PackCache<>(2, Duration.ofSeconds(60), now::get);
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.get("a", this::load);

    cache.get("c", this::load);

    assertThat(cache.get("a", this::load)).isEqualTo("value 1");
    assertThat(cache.get("b", this::load)).isEqualTo("value 4");
    assertThat(cache.stats().evictions()).isEqualTo(2);
    assertThat(cache.stats().entries()).isEqualTo(2);
  }

  @Test
  void capacityZeroCachesNothing() {
    PackCache<String> cache = new PackCache<>(0, Duration.ofSeconds(60), now::get);
    cache.get("a", this::load);

    assertThat(cache.get("a", this::load)).isEqualTo("value 2");
    assertThat(cache.stats()).isEqualTo(new PackCache.Stats(0, 2, 0, 0));
  }

  @Test
  void aFailedLoadCachesNothing() {
    PackCache<String> cache = new PackCache<>(10, Duration.ofSeconds(60), now::get);
    try {
      cache.get("a", () -> {
        throw ApiError.notFound("no a");
      });
    } catch (ApiError expected) {
      // the 404 of an unknown pack
    }

    assertThat(cache.get("a", this::load)).isEqualTo("value 1");
    assertThat(cache.stats().entries()).isEqualTo(1);
  }
}
