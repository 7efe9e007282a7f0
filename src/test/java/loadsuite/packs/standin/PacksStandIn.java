package loadsuite.packs.standin;

import io.undertow.UndertowOptions;
import io.undertow.server.handlers.BlockingHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loadsuite.standin.StandIn;
import loadsuite.standin.StandInMain;
import loadsuite.standin.StandInServer;

/**
 * The packs system of seed 001 (ggen) as a stand-in: the registry document {@code GET /index.json}
 * that the {@code ggen pack} commands read (at {@code GGEN_REGISTRY_URL} = the base URL + "/"), and
 * the marketplace API of {@code ggen-api}, over a registry generated from a seed and stored in
 * SQLite in the seed's schema, with the seed's {@code CachedPackRegistry} in front.
 *
 * <p>Routes: {@code GET /index.json} (ETag, 304 on {@code If-None-Match}); {@code GET /health};
 * {@code GET /ready}; {@code POST /marketplace/search?query=&limit=&offset=&category=&sort_by=};
 * {@code GET /marketplace/packages/{id}}; {@code GET /marketplace/packages/{id}/{version}/download}
 * (content with {@code Content-Length} and {@code X-Checksum-Sha256}); {@code GET /metrics} (the
 * cache's hits and misses, as text). Errors answer {@code {"error", "message"}} with a 4xx.
 *
 * <p>{@link Options#fromEnvironment()} reads, each optional:
 * <ul>
 *   <li>{@code PACKS_REGISTRY_SIZE}: number of packs, 1 to 100000 (default 1000);
 *   <li>{@code PACKS_SEED}: the registry's seed, a whole number (default 1): the same seed, the same
 *       packs and digests;
 *   <li>{@code PACKS_CONTENT_MIX}: shares of the seed's fixtures by content size, as
 *       {@code minimal=80,medium=19,complex=1,mega=0} (10 KiB, 500 KiB, 5 MiB, 50 MiB; the default);
 *   <li>{@code PACKS_CACHE_SIZE}: entries of the read cache, 0 (no cache) to 1000000 (default 1000);
 *   <li>{@code PACKS_CACHE_TTL_SECONDS}: their time to live, 0 to 86400 (default 300);
 *   <li>{@code PACKS_DATABASE}: the SQLite file, made anew at start and kept (default: a
 *       temporary file, deleted on close);
 *   <li>{@code PACKS_PUBLISH_INTERVAL_MS}: how often a new version of a pack is published while
 *       the stand-in runs, 0 (never: the default) to 3600000 (see {@link PackPublisher}).
 * </ul>
 * A bad value is reported on stderr and ends the program with status 64.
 */
public final class PacksStandIn implements StandIn {
  /** No route takes a body: a larger one is not even drained. */
  private static final long MAX_BODY_BYTES = 64 << 10;

  /**
   * What registry the stand-in makes and how it serves it.
   *
   * @param registrySize number of packs
   * @param seed the registry's seed
   * @param contentMix how many packs of each content size
   * @param cacheSize entries of the read cache; 0 caches nothing
   * @param cacheTtl how long an entry is served
   * @param databaseFile the SQLite file, or null for a temporary one
   * @param publishInterval how often a new version of a pack is published; zero publishes none
   */
  public record Options(int registrySize, long seed, ContentMix contentMix, int cacheSize, Duration cacheTtl,
      Path databaseFile, Duration publishInterval) {
    private static final int MAX_REGISTRY_SIZE = 100_000;
    private static final int MAX_CACHE_SIZE = 1_000_000;
    private static final long MAX_CACHE_TTL_SECONDS = Duration.ofDays(1).toSeconds();
    public static final Duration MAX_PUBLISH_INTERVAL = Duration.ofHours(1);

    public Options {
      if (registrySize < 1 || registrySize > MAX_REGISTRY_SIZE) {
        throw new IllegalArgumentException("registry size " + registrySize + " is not from 1 to " + MAX_REGISTRY_SIZE);
      }
      if (cacheSize < 0 || cacheSize > MAX_CACHE_SIZE) {
        throw new IllegalArgumentException("cache size " + cacheSize + " is not from 0 to " + MAX_CACHE_SIZE);
      }
      if (contentMix == null || cacheTtl == null || cacheTtl.isNegative()) {
        throw new IllegalArgumentException("a content mix and a cache TTL of 0 or more are needed");
      }
      if (publishInterval == null || publishInterval.isNegative() || publishInterval.compareTo(MAX_PUBLISH_INTERVAL) > 0) {
        throw new IllegalArgumentException("publish interval " + publishInterval + " is not from 0 (never) to "
            + MAX_PUBLISH_INTERVAL);
      }
    }

    public static Options defaults() {
      return new Options(1000, 1, ContentMix.DEFAULT, 1000, Duration.ofMinutes(5), null, Duration.ZERO);
    }

    /** The options of the {@code PACKS_*} environment variables (see {@link PacksStandIn}); a bad one exits 64. */
    public static Options fromEnvironment() {
      try {
        return fromEnvironment(System.getenv());
      } catch (IllegalArgumentException e) {
        System.err.println("packs stand-in: " + e.getMessage());
        System.exit(64);
        throw e;
      }
    }

    /** @throws IllegalArgumentException naming the variable whose value is bad */
    static Options fromEnvironment(Map<String, String> env) {
      Options defaults = defaults();
      String mix = env.get("PACKS_CONTENT_MIX");
      ContentMix contentMix;
      try {
        contentMix = mix == null || mix.isBlank() ? defaults.contentMix : ContentMix.parse(mix);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("PACKS_CONTENT_MIX='" + mix + "': " + e.getMessage());
      }
      String database = env.get("PACKS_DATABASE");
      return new Options(
          (int) number(env, "PACKS_REGISTRY_SIZE", 1, MAX_REGISTRY_SIZE, defaults.registrySize),
          number(env, "PACKS_SEED", Long.MIN_VALUE, Long.MAX_VALUE, defaults.seed),
          contentMix,
          (int) number(env, "PACKS_CACHE_SIZE", 0, MAX_CACHE_SIZE, defaults.cacheSize),
          Duration.ofSeconds(number(env, "PACKS_CACHE_TTL_SECONDS", 0, MAX_CACHE_TTL_SECONDS,
              defaults.cacheTtl.toSeconds())),
          database == null || database.isBlank() ? null : Path.of(database),
          Duration.ofMillis(number(env, "PACKS_PUBLISH_INTERVAL_MS", 0, MAX_PUBLISH_INTERVAL.toMillis(),
              defaults.publishInterval.toMillis())));
    }

    private static long number(Map<String, String> env, String name, long min, long max, long fallback) {
      String text = env.get(name);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        long value = Long.parseLong(text.strip());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below, as a value out of range is
      }
      throw new IllegalArgumentException(name + "='" + text + "' is not a whole number"
          + (min == Long.MIN_VALUE ? "" : " from " + min + " to " + max));
    }

    public Options withRegistrySize(int size) {
      return new Options(size, seed, contentMix, cacheSize, cacheTtl, databaseFile, publishInterval);
    }

    public Options withSeed(long newSeed) {
      return new Options(registrySize, newSeed, contentMix, cacheSize, cacheTtl, databaseFile, publishInterval);
    }

    public Options withContentMix(ContentMix mix) {
      return new Options(registrySize, seed, mix, cacheSize, cacheTtl, databaseFile, publishInterval);
    }

    public Options withDatabaseFile(Path file) {
      return new Options(registrySize, seed, contentMix, cacheSize, cacheTtl, file, publishInterval);
    }

    public Options withPublishInterval(Duration interval) {
      return new Options(registrySize, seed, contentMix, cacheSize, cacheTtl, databaseFile, interval);
    }
  }

  private final Options options;
  private final PackStore store;
  private final PackCache<byte[]> cache;
  private final StandInServer server;
  /** Null when the options publish nothing. */
  private final PackPublisher publisher;

  private PacksStandIn(String host, int port, Options options) {
    this.options = options;
    List<Pack> packs = new PackGenerator(options.seed(), options.contentMix()).generate(options.registrySize());
    store = PackStore.create(options.databaseFile(), packs);
    cache = new PackCache<>(options.cacheSize(), options.cacheTtl(), System::nanoTime);
    PackRoutes routes = new PackRoutes(store, cache, options.seed());
    try {
      server = StandInServer.start(host, port, new BlockingHandler(routes),
          builder -> builder.setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_BODY_BYTES));
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      routes.publish(server.baseUrl());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    publisher = options.publishInterval().isZero() ? null
        : PackPublisher.start(options.publishInterval(), packs, options.seed(), store, () -> routes.publish(server.baseUrl()));
  }

  /** Makes the registry of {@code options} and serves it on {@code host:port}; port 0 picks a free one. */
  public static PacksStandIn start(String host, int port, Options options) {
    return new PacksStandIn(host, port, options);
  }

  /** {@code PacksStandIn [host] [port]}, with the options of the environment (see above). */
  public static void main(String[] args) throws InterruptedException {
    StandInMain.run(args, (host, port) -> start(host, port, Options.fromEnvironment()));
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String description() {
    return "packs stand-in at " + baseUrl() + ", " + options.registrySize() + " packs";
  }

  /** The read cache's hits, misses and evictions since start. */
  PackCache.Stats cacheStats() {
    return cache.stats();
  }

  /** Publishes a new version of one pack now, as the publisher does every interval; returns its id (null: no publisher). */
  String publishNow() {
    return publisher == null ? null : publisher.publishOne();
  }

  /** Where the SQLite database is. */
  Path databaseFile() {
    return store.file();
  }

  /** Stops publishing and taking requests (503 to new ones), lets those in flight finish, then closes the database. */
  @Override
  public void close() {
    if (publisher != null) {
      publisher.close();
    }
    server.close();
    store.close();
  }
}
