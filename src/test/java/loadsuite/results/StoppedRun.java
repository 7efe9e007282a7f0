package loadsuite.results;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The figures and Gatling's HTML report of a run stopped midway (SIGTERM, a CI abort or time-out),
 * from its folder: plan.json and the simulation.log Gatling wrote up to the stop, which its reader
 * takes truncated. The run stays marked incomplete. The suite does this as the stopped run's JVM
 * exits; when it was killed before it could, {@code ./mvnw exec:exec@stopped-run -Drun=target/gatling/<run folder>}
 * does it afterwards.
 */
public final class StoppedRun {
  private StoppedRun() {}

  public static void main(String[] args) {
    String run = System.getProperty("run", args.length > 0 ? args[0] : "");
    Path folder = Path.of(run);
    if (run.isBlank() || !Files.isRegularFile(folder.resolve(SummaryFiles.NAME)) || !RunPlan.isIn(folder)) {
      System.err.println("give the folder of a stopped run, with its plan.json and summary.json: -Drun=target/gatling/<run folder>");
      System.exit(1);
    }
    try {
      System.out.println(RunReport.render(report(folder)));
    } catch (RuntimeException e) {
      System.err.println("the stopped run could not be read: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Adds the requests' figures read from the folder's simulation.log to its incomplete summary.json
   * (and junit.xml and the history), and writes Gatling's report; returns the summary.
   */
  static RunSummary report(Path folder) {
    RunSummary stopped = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
    if (!RunSummary.INCOMPLETE.equals(stopped.status())) {
      throw new IllegalArgumentException(folder + " holds a run that " + stopped.status() + ", not a stopped one");
    }
    if (!Files.isRegularFile(folder.resolve(RunSummaries.LOG))) {
      System.out.println("no simulation.log in " + folder + ": the run stopped before Gatling wrote one");
    }
    return RunSummaries.record(folder, RunPlan.read(folder), OwnFigures.of(stopped));
  }
}
