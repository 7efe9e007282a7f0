package loadsuite.log;

import io.gatling.commons.stats.assertion.Assertion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;

/**
 * Cuts a run's log to its measured window, so that Gatling's HTML report of it (its throughput,
 * its charts) covers what the goals were judged on, as keycloak-benchmark cuts its logs before
 * the report: the run starts where the warm-up ended, and the description on the report's first
 * screen says so. The warm-up's requests are logged in the {@link #WARM_UP_GROUP} group and left
 * out; its connections' starts are moved to the window's start. Gatling's reader of the log runs
 * after the simulation's {@code after()}, which is where the suite cuts it.
 */
public final class MeasuredWindow {
  /**
   * The group the warm-up's requests are logged in, wherever the schedule has a warm-up. They are
   * logged, not silent, so that the warm-up runs the code the measured window runs (Gatling's
   * writing of each response): with silent requests that code met the full rate cold at the
   * window's start, and its first moments were late. Every reader of a run's figures leaves them out.
   */
  public static final String WARM_UP_GROUP = "warm-up";
  private static final String DESCRIPTION = "Measured window only: ";

  private MeasuredWindow() {}

  /** Whether {@code r} is a request or group of the warm-up ({@link #WARM_UP_GROUP}). */
  public static boolean inWarmUp(LogRecord r) {
    List<String> groups = r instanceof LogRecord.Response response ? response.groups()
        : r instanceof LogRecord.Group group ? group.groups() : List.of();
    return !groups.isEmpty() && groups.get(0).equals(WARM_UP_GROUP);
  }

  /** Whether {@code log} was cut already (its header has the cut's description): a second cut would move its start again. */
  public static boolean isCut(Path log) {
    try (SimulationLog in = SimulationLog.open(log)) {
      return in.header().description().startsWith(DESCRIPTION);
    }
  }

  /**
   * Rewrites {@code log} in place, without the warm-up's requests, from {@code fromMillis} (the
   * schedule's measured start on the log's clock) or, when it is not known (a run recovered after
   * it stopped), from {@code warmUpMillis} after the log's start, which is some 0.2 s earlier: the
   * schedule starts as its first connection joins, after Gatling's run has started.
   *
   * @param assertions what the header carries for Gatling to judge (the header's own are not read back)
   * @return how many responses outside the warm-up started before the window and were left out (none:
   *     every other request is sent in the measured window)
   */
  public static long cut(Path log, OptionalLong fromMillis, long warmUpMillis, String description, List<Assertion> assertions) {
    Path cut = log.resolveSibling(log.getFileName() + ".cut");
    long left = 0;
    try (SimulationLog in = SimulationLog.open(log)) {
      long start = fromMillis.orElse(in.header().start() + warmUpMillis);
      try (LogWriter out = new LogWriter(cut, in.header().simulation(), start, description, in.header().scenarios(), assertions)) {
        for (LogRecord r = in.next(); r != null; r = in.next()) {
          if (inWarmUp(r)) {
            continue;
          }
          if (r instanceof LogRecord.User u && u.timestamp() < start) {
            out.write(new LogRecord.User(u.scenario(), u.start(), start));
          } else if (r instanceof LogRecord.Error e && e.timestamp() < start) {
            out.write(new LogRecord.Error(e.message(), start));
          } else if (r instanceof LogRecord.Response response && response.start() < start
              || r instanceof LogRecord.Group group && group.start() < start) {
            left++;
          } else {
            out.write(r);
          }
        }
      }
    }
    try {
      Files.move(cut, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + log, e);
    }
    return left;
  }

  /** What the report's first screen says of its window. */
  public static String describe(long warmUpMillis, double measuredSeconds) {
    return String.format(java.util.Locale.ROOT, DESCRIPTION + "%.0f s planned, from the end of the %.0f s warm-up"
        + " (its requests left out), to the last answer. Percentiles on these pages are Gatling's estimates;"
        + " the goals were judged on exact figures (summary.json, the suite page).", measuredSeconds, warmUpMillis / 1000.0);
  }
}
