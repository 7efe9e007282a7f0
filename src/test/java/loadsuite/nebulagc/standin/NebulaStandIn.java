package loadsuite.nebulagc.standin;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import loadsuite.standin.StandIn;
import loadsuite.standin.StandInMain;
import loadsuite.standin.StandInServer;

/**
 * NebulaGC of seed 004, the config server of a Nebula mesh VPN, as a stand-in: the real server's
 * REST API (its router is the truth) on SQLite in WAL mode, with its tokens, token buckets and
 * error bodies. Built on Undertow: the per-IP limit runs on the I/O threads, everything else on
 * worker threads, since every route reads or writes the database.
 *
 * <p>Run alone, {@link #main} takes its options from the environment:
 * <ul>
 *   <li>{@code NEBULAGC_ADMIN_TOKEN} (required, at least 41 characters): the token of the seeded
 *       admin node, header {@code X-NebulaGC-Node-Token};
 *   <li>{@code NEBULAGC_CLUSTER_TOKEN} (required, at least 41 characters): the seeded cluster's
 *       token, header {@code X-NebulaGC-Cluster-Token};
 *   <li>{@code NEBULAGC_SECRET} (at least 32 characters; default {@link Options#DEFAULT_SECRET}):
 *       the key of the tokens' HMAC;
 *   <li>{@code NEBULAGC_DB}: the database file, kept after the stand-in stops (default a
 *       temporary file, deleted then);
 *   <li>{@code NEBULAGC_RATE_LIMITS} {@code on|off} (default on): the real server's limits;
 *   <li>{@code NEBULAGC_SEED_NODES} (default 0): extra nodes seeded into the cluster, for volume.
 * </ul>
 * A missing or bad value stops it with a message and exit status 64.
 */
public final class NebulaStandIn implements StandIn {
  /** Requests wait for the database here rather than on the I/O threads. */
  private static final int WORKER_THREADS = 32;

  private final Options options;
  private final NebulaDatabase database;
  private final StandInServer server;

  private NebulaStandIn(String host, int port, Options options) {
    this.options = options;
    database = NebulaDatabase.open(options.database());
    try {
      Tokens tokens = new Tokens(options.secret());
      ClusterSeed.apply(database, tokens, options.adminToken(), options.clusterToken(), options.seedNodes());
      NebulaRouter router = new NebulaRouter(database, tokens, options, new Metrics());
      server = StandInServer.start(host, port, router, builder -> builder.setWorkerThreads(WORKER_THREADS));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Starts on {@code host:port} (port 0 picks a free one), seeding the database if it is new. */
  public static NebulaStandIn start(String host, int port, Options options) {
    return new NebulaStandIn(host, port, options);
  }

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("NebulaGC stand-in: " + e.getMessage());
      System.exit(64);
      return;
    }
    StandInMain.run(args, (host, port) -> start(host, port, options));
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String description() {
    return "NebulaGC stand-in at " + baseUrl() + ", " + database + ", rate limits " + (options.rateLimits().enabled() ? "on" : "off");
  }

  /** The SQLite file, for tests that look into it. */
  Path databaseFile() {
    return database.file();
  }

  /** Stops taking requests (503 to new ones), lets those in flight finish, then closes the database. */
  @Override
  public void close() {
    server.close();
    database.close();
  }

  /**
   * How a stand-in starts.
   *
   * @param database the SQLite file; null for a temporary one, deleted on close
   * @param secret the HMAC key under which tokens are stored, at least 32 characters as the real server wants
   * @param adminToken the token of the admin node seeded into a new database
   * @param clusterToken the token of the cluster seeded into a new database
   * @param rateLimits the token buckets, or {@link RateLimits#OFF}
   * @param seedNodes extra nodes seeded into the cluster (the seed plans for 1000+ a cluster)
   * @param maxBundleBytes the largest config bundle an upload may carry
   */
  public record Options(Path database, String secret, String adminToken, String clusterToken, RateLimits rateLimits,
      int seedNodes, int maxBundleBytes) {
    /** Known to anyone who reads this: a stand-in's tokens guard nothing but test data. */
    public static final String DEFAULT_SECRET = "nebulagc-stand-in-hmac-secret-for-load-tests";
    public static final int MAX_BUNDLE_BYTES = 10 << 20;
    private static final int MIN_SECRET_LENGTH = 32;

    public Options {
      requireSecret(secret, "the HMAC secret");
      Tokens.requireValid(adminToken, "the admin node token");
      Tokens.requireValid(clusterToken, "the cluster token");
      if (rateLimits == null) {
        throw new IllegalArgumentException("rate limits are required (RateLimits.OFF for none)");
      }
      if (seedNodes < 0 || maxBundleBytes < 1) {
        throw new IllegalArgumentException("seed nodes must be >= 0 and the bundle limit >= 1, got " + seedNodes + " and " + maxBundleBytes);
      }
    }

    /** A temporary database, the default secret, the real server's rate limits, no extra nodes, 10 MiB bundles. */
    public static Options defaults(String adminToken, String clusterToken) {
      return new Options(null, DEFAULT_SECRET, adminToken, clusterToken, RateLimits.DEFAULT, 0, MAX_BUNDLE_BYTES);
    }

    /** The options of the environment variables of {@link NebulaStandIn}; IllegalArgumentException names a bad one. */
    public static Options fromEnvironment() {
      return fromEnvironment(System.getenv());
    }

    static Options fromEnvironment(Map<String, String> environment) {
      String admin = Tokens.requireValid(environment.get("NEBULAGC_ADMIN_TOKEN"), "NEBULAGC_ADMIN_TOKEN");
      String cluster = Tokens.requireValid(environment.get("NEBULAGC_CLUSTER_TOKEN"), "NEBULAGC_CLUSTER_TOKEN");
      String secret = requireSecret(environment.getOrDefault("NEBULAGC_SECRET", DEFAULT_SECRET), "NEBULAGC_SECRET");
      Path db = databaseFile(environment.getOrDefault("NEBULAGC_DB", ""));
      String limits = environment.getOrDefault("NEBULAGC_RATE_LIMITS", "on");
      if (!limits.equals("on") && !limits.equals("off")) {
        throw new IllegalArgumentException("NEBULAGC_RATE_LIMITS must be on or off, got '" + limits + "'");
      }
      String seedNodes = environment.getOrDefault("NEBULAGC_SEED_NODES", "0");
      if (!seedNodes.matches("\\d{1,7}")) {
        throw new IllegalArgumentException("NEBULAGC_SEED_NODES must be a whole number from 0 to 9999999, got '" + seedNodes + "'");
      }
      return new Options(db, secret, admin, cluster,
          RateLimits.DEFAULT.withEnabled(limits.equals("on")), Integer.parseInt(seedNodes), MAX_BUNDLE_BYTES);
    }

    public Options withDatabase(Path file) {
      return new Options(file, secret, adminToken, clusterToken, rateLimits, seedNodes, maxBundleBytes);
    }

    public Options withRateLimits(RateLimits limits) {
      return new Options(database, secret, adminToken, clusterToken, limits, seedNodes, maxBundleBytes);
    }

    public Options withSeedNodes(int count) {
      return new Options(database, secret, adminToken, clusterToken, rateLimits, count, maxBundleBytes);
    }

    public Options withMaxBundleBytes(int bytes) {
      return new Options(database, secret, adminToken, clusterToken, rateLimits, seedNodes, bytes);
    }

    /** Null for blank; otherwise a path in a folder that exists. */
    private static Path databaseFile(String value) {
      if (value.isBlank()) {
        return null;
      }
      Path file;
      try {
        file = Path.of(value).toAbsolutePath();
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("NEBULAGC_DB is not a path: " + e.getMessage(), e);
      }
      if (!Files.isDirectory(file.getParent())) {
        throw new IllegalArgumentException("NEBULAGC_DB names a file in " + file.getParent() + ", which is not a folder");
      }
      return file;
    }

    private static String requireSecret(String secret, String what) {
      if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException(what + " must have at least " + MIN_SECRET_LENGTH + " characters");
      }
      return secret;
    }
  }
}
