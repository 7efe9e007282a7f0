package loadsuite.live;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import loadsuite.config.TargetsException;

/**
 * A run watched as it runs: its log followed into {@link LiveFigures}, served at
 * {@code http://<host>:<port>/metrics} when the metrics are on, and its stop criteria judged once
 * a second. Started before the load; {@link #finish()} once Gatling has closed the log,
 * {@link #close()} at the end of the run (after the linger, for the last scrapes).
 */
public final class LiveRun implements AutoCloseable {
  private final MetricsSettings settings;
  private final HTTPServer server;
  private final RunLogFollower follower;
  private final StopJudge judge;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "live-judge");
    thread.setDaemon(true);
    return thread;
  });

  private LiveRun(MetricsSettings settings, HTTPServer server, RunLogFollower follower, StopJudge judge) {
    this.settings = settings;
    this.server = server;
    this.follower = follower;
    this.judge = judge;
  }

  /**
   * Starts watching the run whose folder {@code runFolder} gives once Gatling has opened it;
   * none when the metrics are off and there is no criterion (and no figures made). A port in use stops the run before any load.
   *
   * @param onStop what a broken criterion does (ends the load)
   */
  public static Optional<LiveRun> start(MetricsSettings settings, List<StopCriterion> criteria, Supplier<LiveFigures> newFigures,
      Supplier<Optional<Path>> runFolder, Consumer<CriterionStop> onStop) {
    if (!settings.on() && criteria.isEmpty()) {
      return Optional.empty();
    }
    LiveFigures figures = newFigures.get();
    HTTPServer server = settings.on() ? serve(settings, figures) : null;
    RunLogFollower follower = new RunLogFollower(runFolder, figures::accept);
    LiveRun run = new LiveRun(settings, server, follower, new StopJudge(criteria, onStop));
    if (!criteria.isEmpty()) {
      run.ticker.scheduleAtFixedRate(() -> run.judge.judge(figures.takeSecond(), Instant.now()), 1, 1, TimeUnit.SECONDS);
    }
    if (server != null) {
      System.out.println("  live metrics: http://" + settings.host() + ":" + server.getPort() + "/metrics");
    }
    return Optional.of(run);
  }

  private static HTTPServer serve(MetricsSettings settings, LiveFigures figures) {
    try {
      return HTTPServer.builder().hostname(settings.host()).port(settings.port()).registry(figures.registry())
          .executorService(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-metrics");
            thread.setDaemon(true);
            return thread;
          }))
          .buildAndStart();
    } catch (IOException e) {
      throw new TargetsException("the live metrics cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
          + "): choose a free port with -Dmetrics.port=<port>, or 0 for none");
    }
  }

  /** The criterion that stopped the run, if one did. */
  public Optional<CriterionStop> stop() {
    return judge.stop();
  }

  /** Once Gatling has closed the run's log: every record read into the figures, and no more judging. */
  public void finish() {
    ticker.shutdownNow();
    follower.finish();
  }

  /** Keeps the endpoint up for the linger (the last scrapes of the run's final figures), then stops it. */
  @Override
  public void close() {
    finish();
    if (server != null) {
      try {
        Thread.sleep(settings.linger().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.close();
    }
  }
}
