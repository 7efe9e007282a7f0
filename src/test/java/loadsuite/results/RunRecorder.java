package loadsuite.results;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import loadsuite.load.GeneratorSampler;
import loadsuite.load.IntendedTimes;
import loadsuite.sut.RunningSystem;

/**
 * Keeps a run's folder: its plan.json as soon as Gatling opens the folder, and at the end the
 * summary ({@link RunSummaries}) from the folder and the figures the suite measured itself; a run
 * that ends before its results are read still leaves a summary, marked incomplete, with what was
 * recorded up to the stop.
 */
public final class RunRecorder {
  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);
  /** How often the recorder looks for the folder Gatling opens as the run starts, and for how long. */
  private static final long LOOK_EVERY_MS = 20;
  private static final long LOOK_FOR_MS = 60_000;

  private final Path resultsFolder;
  private final RunPlan plan;
  private final LongSupplier iterations;
  private final RunningSystem sut;
  private final IntendedTimes intendedTimes;
  private final GeneratorSampler generator;
  private final Instant start = Instant.now();
  /** When the simulation's before hook ended: Gatling starts the run, and names its folder, just after. */
  private volatile Instant gatlingStarts;
  private final java.time.ZoneId folderZone = RunFolder.gatlingZone();
  private volatile boolean recorded;

  public RunRecorder(Path resultsFolder, RunPlan plan, LongSupplier iterations, RunningSystem sut, IntendedTimes intendedTimes,
      GeneratorSampler generator) {
    this.resultsFolder = resultsFolder;
    this.plan = plan;
    this.iterations = iterations;
    this.sut = sut;
    this.intendedTimes = intendedTimes;
    this.generator = generator;
  }

  /**
   * Called last in the simulation's before hook: Gatling opens the run's folder next. From now on
   * the recorder knows which folder is this run's, and puts plan.json into it as soon as it is there.
   */
  public void gatlingStartsNow() {
    gatlingStarts = Instant.now();
    Thread placer = new Thread(this::placePlan, "plan.json");
    placer.setDaemon(true);
    placer.start();
  }

  /** The folder Gatling opened for this run, once it has. */
  public Optional<Path> runFolder() {
    Instant since = gatlingStarts;
    return since == null ? Optional.empty()
        : RunFolder.firstStartedSince(resultsFolder, plan.simulation(), since, folderZone);
  }

  /** Reads the run's folder, writes summary.json and junit.xml there, and returns the summary. */
  public synchronized RunSummary finish(Path folder) {
    writePlan(folder);
    RunSummary.Schedule schedule = ScheduleResults.of(intendedTimes);
    List<RunSummary.GoalResult> goals = new ArrayList<>(ProbeResults.goals(sut,
        iterations.getAsLong() / plan.workloadSent().schedule().measuredSeconds()));
    goals.addAll(ScheduleResults.judge(plan.goals(), schedule, iterations.getAsLong(),
        plan.workloadSent().schedule().plannedMeasuredIterations()));
    RunSummary summary = RunSummaries.record(folder, plan, ownFigures(null, schedule, goals));
    recorded = true;
    if (plan.injector() == null) {
      Baseline.promoteFirst(plan.baselineSettings(), summary, folder.resolve(SummaryFiles.NAME)).ifPresent(promoted -> System.out.println(
          "baseline: none was promoted for this simulation; this passed run of build " + summary.build() + " is now the baseline ("
              + promoted + "): the next runs are compared with it. Promote another: ./mvnw test-compile exec:java@promote -Drun=<run folder>"));
    }
    return summary;
  }

  /**
   * Unless the run was recorded: an incomplete summary in the run's folder (or a folder of its
   * own), with the suite's own figures and, from the simulation.log Gatling wrote up to the stop,
   * the requests' figures and Gatling's HTML report.
   */
  public synchronized void abandon(String reason) {
    if (recorded) {
      return;
    }
    Path folder = runFolder().orElse(resultsFolder.resolve(prefix() + FOLDER_TIME.format(start) + "-incomplete"));
    writePlan(folder);
    RunSummary summary = RunSummaries.record(folder, plan, ownFigures(reason, ScheduleResults.of(intendedTimes), List.of()));
    recorded = true;
    System.out.println(RunReport.render(summary));
  }

  /**
   * Writes the suite page again. Called as the JVM exits, after Gatling has written this run's
   * HTML report (it does so after {@code after()}), so that the page links it.
   */
  public void writeSuitePage() {
    try {
      System.out.println("suite page: " + SuitePage.generate(resultsFolder, plan.historySettings().dir(), SuitePage.PAGE_FILE)
          .toAbsolutePath().toUri());
    } catch (RuntimeException e) {
      System.err.println("the suite page could not be updated: " + e.getMessage());
    }
  }

  private OwnFigures ownFigures(String reason, RunSummary.Schedule schedule, List<RunSummary.GoalResult> goals) {
    generator.close();
    return new OwnFigures(start.toString(), Instant.now().toString(), reason, iterations.getAsLong(), schedule,
        GeneratorResults.of(generator, plan.workloadSent().warmUp().toNanos() / 1e9), ProbeResults.summary(sut), goals);
  }

  /** Puts plan.json into the run's folder as soon as Gatling opens it (it does so after the before hook). */
  private void placePlan() {
    long deadline = System.currentTimeMillis() + LOOK_FOR_MS;
    try {
      while (!recorded && System.currentTimeMillis() < deadline) {
        Optional<Path> folder = runFolder();
        if (folder.isPresent()) {
          writePlan(folder.get());
          return;
        }
        Thread.sleep(LOOK_EVERY_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.err.println("the run's plan.json could not be written: " + e.getMessage());
    }
  }

  private synchronized void writePlan(Path folder) {
    if (!RunPlan.isIn(folder)) {
      plan.write(folder);
    }
  }

  private String prefix() {
    return plan.simulation().substring(plan.simulation().lastIndexOf('.') + 1).toLowerCase() + "-";
  }
}
