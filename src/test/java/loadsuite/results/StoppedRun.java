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
    report(folder, List.of(), History.Settings.read(Targets.load().history()));
  }

  /**
   * Adds the requests' figures read from the folder's simulation.log to its incomplete summary.json
   * (and junit.xml and the history), and writes Gatling's report; says why on the console when the
   * log cannot be read, and leaves the summary as it was.
   *
   * @param groupNames the groups the simulation declared (a row each, as in a finished run), when known
   */
  static void report(Path folder, List<String> groupNames, History.Settings history) {
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
          stopped.achieved(), RunRecorder.globalStats(stats, window), RunRecorder.requests(stats, groupNames, List.of(List.of()), group -> window),
          stopped.goals(), stopped.knee(), stopped.probes(), stopped.baseline(), stopped.transfers(), stopped.schedule(),
          stopped.generator());
      RunRecorder.write(folder, summary, history);
      System.out.println(RunReport.render(summary));
      System.out.println("Gatling's report of the stopped run: " + stats.writeHtmlReport().toUri());
    } catch (RuntimeException e) {
      System.err.println("the stopped run's log could not be read: " + e);
    }
  }
}
