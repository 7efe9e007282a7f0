package loadsuite.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import loadsuite.config.Targets;

/**
 * The figures and Gatling's HTML report of a run stopped midway (SIGTERM, a CI abort or time-out),
 * from the simulation.log Gatling wrote up to the stop, which its reader takes truncated. The run
 * stays marked incomplete. The suite does this as the stopped run's JVM exits; when it was killed
 * before it could, {@code ./mvnw exec:exec@stopped-run -Drun=target/gatling/<run folder>} does it
 * afterwards.
 */
public final class StoppedRun {
  static final String PARTIAL = " (its figures are those of what was recorded up to the stop)";

  private StoppedRun() {}

  public static void main(String[] args) {
    String run = System.getProperty("run", args.length > 0 ? args[0] : "");
    Path folder = Path.of(run);
    if (run.isBlank() || !Files.isRegularFile(folder.resolve(SummaryFiles.NAME))) {
      System.err.println("give the folder of a stopped run, with its summary.json: -Drun=target/gatling/<run folder>");
      System.exit(1);
    }
    report(folder, List.of(), List.of(List.of()), 0, History.Settings.read(Targets.load().history()));
  }

  /**
   * Adds the requests' figures read from the folder's simulation.log to its incomplete summary.json
   * (and junit.xml and the history), and writes Gatling's report; says why on the console when the
   * log cannot be read, and leaves the summary as it was.
   *
   * @param groupNames the groups the simulation declared (a row each, as in a finished run), when known
   * @param levels the groups they sit in: a staircase's levels, else one empty path
   * @param levelSeconds a staircase level's duration (0 for other shapes)
   */
  static void report(Path folder, List<String> groupNames, List<List<String>> levels, double levelSeconds,
      History.Settings history) {
    RunSummary stopped = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
    if (!RunSummary.INCOMPLETE.equals(stopped.status())) {
      throw new IllegalArgumentException(folder + " holds a run that " + stopped.status() + ", not a stopped one");
    }
    if (!Files.isRegularFile(folder.resolve("simulation.log"))) {
      System.out.println("no simulation.log in " + folder + ": the run stopped before Gatling wrote one");
      return;
    }
    try {
      RunStats stats = RunStats.read(folder);
      double window = Math.max(1, Duration.between(Instant.parse(stopped.start()), Instant.parse(stopped.end())).toNanos() / 1e9
          - stopped.warmUpSeconds());
      String reason = stopped.reason().endsWith(PARTIAL) ? stopped.reason() : stopped.reason() + PARTIAL;
      RunSummary summary = new RunSummary(stopped.simulation(), stopped.workload(), stopped.profile(), RunSummary.INCOMPLETE, reason,
          stopped.sut(), stopped.start(), stopped.end(), stopped.warmUpSeconds(), stopped.measuredSeconds(), stopped.planned(),
          stopped.achieved(), RunRecorder.globalStats(stats, window), RunRecorder.requests(stats, groupNames, levels,
              group -> levelWindow(group, levels, levelSeconds, window)),
          stopped.goals(), stopped.knee(), stopped.probes(), stopped.baseline(), stopped.transfers(), stopped.schedule(),
          stopped.generator(), stopped.build());
      RunRecorder.write(folder, summary, history);
      System.out.println(RunReport.render(summary));
      System.out.println("Gatling's report of the stopped run: " + stats.writeHtmlReport().toUri());
    } catch (RuntimeException e) {
      System.err.println("the stopped run's log could not be read: " + e);
    }
  }

  /** How long a group ran before the stop: in the k-th level, what the stop left of it; else the whole recorded window. */
  private static double levelWindow(List<String> group, List<List<String>> levels, double levelSeconds, double window) {
    int k = group.isEmpty() ? -1 : levels.indexOf(List.of(group.get(0)));
    return k < 0 || levelSeconds == 0 ? window : Math.max(1, Math.min(levelSeconds, window - k * levelSeconds));
  }
}
