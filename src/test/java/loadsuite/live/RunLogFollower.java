package loadsuite.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import loadsuite.log.LogRecord;
import loadsuite.log.MeasuredWindow;
import loadsuite.log.SimulationLog;

/**
 * Follows the simulation.log Gatling opens for this run, on a thread of its own, giving each
 * record of the measured window to a consumer. Gatling writes the log 8 KiB at a time: the records
 * arrive in bursts, within a second at hundreds of requests a second, later at low rates, and all
 * of them by {@link #finish()}.
 */
final class RunLogFollower {
  /** How often the follower looks for the folder Gatling opens as the run starts, and for how long. */
  private static final long LOOK_EVERY_MS = 100;
  private static final long LOOK_FOR_MS = 120_000;
  /** How long {@link #finish()} waits for the rest of the log to be read. */
  private static final long FINISH_MS = 30_000;

  private final Supplier<Optional<Path>> runFolder;
  private final Consumer<LogRecord> consumer;
  private final Thread thread = new Thread(this::follow, "live-log");
  private volatile boolean ended;

  /** Follows the log in the run's folder, once {@code runFolder} gives it, leaving out the warm-up's requests. */
  RunLogFollower(Supplier<Optional<Path>> runFolder, Consumer<LogRecord> consumer) {
    this.runFolder = runFolder;
    this.consumer = consumer;
    thread.setDaemon(true);
    thread.start();
  }

  /** Once Gatling has closed the log: reads the rest of it, and returns when done (or after at most 30 s). */
  void finish() {
    ended = true;
    try {
      thread.join(FINISH_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.interrupt();
  }

  private void follow() {
    try {
      Optional<Path> log = awaitLog();
      if (log.isEmpty()) {
        if (!ended) {
          System.err.println("live metrics: no simulation.log of this run appeared within " + LOOK_FOR_MS / 1000 + " s: none are counted");
        }
        return;
      }
      try (SimulationLog followed = SimulationLog.follow(log.get(), () -> ended)) {
        for (LogRecord r = followed.next(); r != null; r = followed.next()) {
          if (measured(r)) {
            consumer.accept(r);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.err.println("live metrics: the run's log could not be followed: " + e.getMessage());
    }
  }

  /**
   * A response or group outside the warm-up's group: as {@link MeasuredWindow} cuts the log, where
   * every other request is sent in the measured window.
   */
  private static boolean measured(LogRecord r) {
    return (r instanceof LogRecord.Response || r instanceof LogRecord.Group) && !MeasuredWindow.inWarmUp(r);
  }

  private Optional<Path> awaitLog() throws InterruptedException {
    long deadline = System.currentTimeMillis() + LOOK_FOR_MS;
    while (!ended && System.currentTimeMillis() < deadline) {
      Optional<Path> log = runFolder.get().map(folder -> folder.resolve("simulation.log")).filter(Files::isRegularFile);
      if (log.isPresent()) {
        return log;
      }
      Thread.sleep(LOOK_EVERY_MS);
    }
    return Optional.empty();
  }
}
