package loadsuite.freightliner.standin;

import loadsuite.standin.StandIn;
import loadsuite.standin.StandInMain;
import loadsuite.standin.StandInServer;

/**
 * Freightliner's job API ({@code freightliner serve}) as a stand-in: jobs replicate images between
 * two registries for real, with the suite's OCI client in Freightliner's own request sequence, by
 * a bounded pool of workers; a job completes only when the destination holds every manifest and
 * blob with the source's digests. Registries must be on loopback.
 *
 * <p>Run alone: {@code FreightlinerStandIn [host] [port]}, with the environment variables
 * {@code FREIGHTLINER_API_KEY} (the key {@code X-API-Key} must carry; unset: no authentication)
 * and {@code FREIGHTLINER_WORKERS} (default 10).
 */
public final class FreightlinerStandIn implements StandIn {
  /** Jobs waiting for a worker beyond this many are refused with 503. */
  private static final int QUEUED_JOBS = 10_000;

  /** @param apiKey the key every {@code /api/} request must carry in {@code X-API-Key}; null: none */
  public record Options(String apiKey, int workers) {
    public Options {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
    }

    static Options fromEnvironment() {
      String key = System.getenv("FREIGHTLINER_API_KEY");
      String workers = System.getenv().getOrDefault("FREIGHTLINER_WORKERS", "10");
      try {
        return new Options(key == null || key.isBlank() ? null : key, Integer.parseInt(workers.trim()));
      } catch (IllegalArgumentException e) {
        System.err.println("freightliner stand-in: FREIGHTLINER_WORKERS='" + workers + "' must be a whole number of at least 1");
        System.exit(64);
        throw e;
      }
    }
  }

  private final Options options;
  private final Jobs jobs;
  private final StandInServer server;

  private FreightlinerStandIn(String host, int port, Options options) {
    this.options = options;
    this.jobs = new Jobs(options.workers(), QUEUED_JOBS);
    this.server = StandInServer.start(host, port, new JobRoutes(jobs, options.apiKey()).handler(), builder -> builder);
  }

  public static FreightlinerStandIn start(String host, int port, Options options) {
    return new FreightlinerStandIn(host, port, options);
  }

  public static void main(String[] args) throws InterruptedException {
    Options options = Options.fromEnvironment();
    StandInMain.run(args, (host, port) -> start(host, port, options));
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String description() {
    return "Freightliner job API stand-in at " + baseUrl() + ", " + options.workers() + " workers, API key "
        + (options.apiKey() == null ? "off" : "on");
  }

  @Override
  public void close() {
    server.close();
    jobs.close();
  }
}
