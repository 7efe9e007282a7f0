package loadsuite.packs.standin;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The seed's {@code CachedPackRegistry}: an LRU cache with a time to live in front of the store,
 * which makes a first request "cold" and a repeated one "warm". One lock, not the seed's
 * read-write lock: an LRU read moves the entry, so it writes too. Values are loaded outside the
 * lock (two concurrent misses both load, as in the seed); a capacity of 0 caches nothing.
 */
final class PackCache<V> {
  /** What the cache has done since start; {@code entries} is how many it holds now. */
  record Stats(long hits, long misses, long evictions, int entries) {}

  private record Entry<V>(V value, long expiresAtNanos) {}

  private final int capacity;
  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<Object, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long hits;
  private long misses;
  private long evictions;

  PackCache(int capacity, Duration ttl, LongSupplier nanoClock) {
    this.capacity = capacity;
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The value cached under {@code key} (a string or a record: anything with equals) and not expired, else the one {@code load} gives, then cached. */
  V get(Object key, Supplier<V> load) {
    synchronized (this) {
      Entry<V> entry = entries.get(key);
      if (entry != null && nanoClock.getAsLong() - entry.expiresAtNanos < 0) {
        hits++;
        return entry.value;
      }
      if (entry != null) {
        entries.remove(key);
      }
      misses++;
    }
    V value = load.get();
    put(key, value);
    return value;
  }

  synchronized Stats stats() {
    return new Stats(hits, misses, evictions, entries.size());
  }

  private synchronized void put(Object key, V value) {
    if (capacity == 0) {
      return;
    }
    entries.put(key, new Entry<>(value, nanoClock.getAsLong() + ttlNanos));
    if (entries.size() > capacity) {
      Iterator<Object> eldest = entries.keySet().iterator();
      eldest.next();
      eldest.remove();
      evictions++;
    }
  }
}
