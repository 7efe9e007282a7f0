package loadsuite.packs;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * Items {@code 0 .. size-1} (packs, search queries) handed out for cold requests: in a shuffled
 * order, each one only if it was never asked for in this run, or last asked for at least
 * {@code coldAfter} ago (the system's cache has let it go by then). Reserved items (the warm ones)
 * are never handed out. When no item is cold any more, the one asked for longest ago is handed out
 * marked not cold, and the request that sends it fails: a cold statistic never holds a warm answer.
 */
final class ColdPool {
  /** An item, and whether it is cold. */
  record Taken(int item, boolean cold) {}

  private static final long NEVER = Long.MIN_VALUE;
  private static final long RESERVED = Long.MAX_VALUE;

  private final int[] order;
  private final long[] lastAsked;
  private final long coldAfterNanos;
  private final LongSupplier nanoClock;
  private int cursor;
  private int reserved;

  ColdPool(int size, long seed, Duration coldAfter, LongSupplier nanoClock) {
    if (size < 1) {
      throw new IllegalArgumentException("a pool of " + size + " items");
    }
    order = new int[size];
    lastAsked = new long[size];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      int j = random.nextInt(i + 1);
      order[i] = order[j];
      order[j] = i;
      lastAsked[i] = NEVER;
    }
    this.coldAfterNanos = coldAfter.toNanos();
    this.nanoClock = nanoClock;
  }

  int size() {
    return order.length;
  }

  /** The items that can be cold: all but the reserved ones. */
  synchronized int coldItems() {
    return order.length - reserved;
  }

  /** Takes the next items of the shuffled order (none of them cold yet) for warm requests, never handed out cold. */
  synchronized int[] reserve(int count) {
    int[] taken = new int[Math.min(count, order.length - 1)];
    for (int i = 0; i < taken.length; i++) {
      taken[i] = order[cursor];
      cursor = (cursor + 1) % order.length;
      lastAsked[taken[i]] = RESERVED;
      reserved++;
    }
    return taken;
  }

  /** The next cold item. */
  Taken next() {
    return next(item -> true);
  }

  /** The next cold item that {@code wanted} accepts; those it refuses stay for later. */
  synchronized Taken next(IntPredicate wanted) {
    long now = nanoClock.getAsLong();
    for (int i = 0; i < order.length; i++) {
      int item = order[cursor];
      cursor = (cursor + 1) % order.length;
      if (lastAsked[item] != RESERVED && wanted.test(item)
          && (lastAsked[item] == NEVER || now - lastAsked[item] >= coldAfterNanos)) {
        lastAsked[item] = now;
        return new Taken(item, true);
      }
    }
    int oldest = -1;
    for (int item = 0; item < order.length; item++) {
      if (lastAsked[item] != RESERVED && wanted.test(item) && (oldest < 0 || lastAsked[item] < lastAsked[oldest])) {
        oldest = item;
      }
    }
    if (oldest < 0) {
      throw new IllegalStateException("no item of the pool is wanted");
    }
    lastAsked[oldest] = now;
    return new Taken(oldest, false);
  }

  /** Notes that {@code item} was asked for now, by a request that did not take it from the pool. */
  synchronized void asked(int item) {
    if (lastAsked[item] != RESERVED) {
      lastAsked[item] = nanoClock.getAsLong();
    }
  }
}
