package loadsuite.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.load.GeneratorSampler;
import loadsuite.load.IntendedTimes;
import loadsuite.load.NamedRequests;
import loadsuite.load.RateSchedule;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.results.RunSummary.GoalResult;
import loadsuite.results.RunSummary.RequestStats;
import loadsuite.sut.RunningSystem;

/**
 * Turns a finished run into its summary.json and junit.xml, beside Gatling's report; a run that
 * ends before its results are read leaves a summary marked incomplete instead of nothing.
 */
public final class RunRecorder {
  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private final Path resultsFolder;
  private final History.Settings history;
  private final String simulation;
  private final String profile;
  private final Workload workload;
  private final List<Goal> goals;
  private final List<String> requestNames;
  private final List<String> groupNames;
  private final List<GoalAssertion> goalAssertions;
  private final Optional<Baseline> baseline;
  private final LongSupplier iterations;
  private final Map<String, Long> bytesPerRequest;
  private final RunningSystem sut;
  private final IntendedTimes intendedTimes;
  private final GeneratorSampler generator;
  private final Instant start = Instant.now();
  private volatile boolean recorded;

  public RunRecorder(Path resultsFolder, History.Settings history, String simulation, String profile, Workload workload, List<Goal> goals,
      List<String> requestNames, List<String> groupNames, List<GoalAssertion> goalAssertions, Optional<Baseline> baseline, LongSupplier iterations, Map<String, Long> bytesPerRequest, RunningSystem sut,
      IntendedTimes intendedTimes, GeneratorSampler generator) {
    this.resultsFolder = resultsFolder;
    this.history = history;
    this.simulation = simulation;
    this.profile = profile;
    this.workload = workload;
    this.goals = goals;
    this.requestNames = requestNames;
    this.groupNames = groupNames;
    this.goalAssertions = goalAssertions;
    this.baseline = baseline;
    this.iterations = iterations;
    this.bytesPerRequest = bytesPerRequest;
    this.sut = sut;
    this.intendedTimes = intendedTimes;
    this.generator = generator;
  }

  /** Reads the run's statistics and verdicts, writes summary.json and junit.xml, and returns the summary. */
  public RunSummary finish(RunStats stats) {
    RateSchedule schedule = workload.schedule();
    double seconds = schedule.measuredSeconds();
    List<RequestStats> requests = requests(stats, groupNames, levels(workload), group -> window(workload, group));
    RequestStats global = globalStats(stats, seconds);
    List<Verdict> verdicts = stats.judge(goalAssertions);
    List<GoalResult> results = new ArrayList<>(verdicts.stream().map(RunRecorder::goalResult).toList());
    results.addAll(ProbeResults.goals(sut));
    RunSummary.Schedule timeliness = ScheduleResults.of(intendedTimes);
    results.addAll(ScheduleResults.judge(goals, timeliness));
    List<RunSummary.Comparison> comparison = baseline.map(b -> b.compare(verdicts)).orElse(List.of());
    String knee = knee(workload, goals, requestNames, bytesPerRequest, stats);
    long achieved = iterations.getAsLong();
    boolean passed = results.stream().allMatch(GoalResult::met);
    RunSummary summary = new RunSummary(simulation, workload.path(), profile, passed ? RunSummary.PASSED : RunSummary.FAILED, null,
        sutOf(), start.toString(), Instant.now().toString(), workload.warmUp().toNanos() / 1e9, seconds,
        planned(),
        new RunSummary.Rates(achieved, achieved / seconds), global, requests, results, knee, probes(), comparison,
        transfers(requests, bytesPerRequest), timeliness, generatorFigures(achieved, results, false), BuildTag.current());
    write(stats.directory(), summary);
    return summary;
  }

  /**
   * Unless the run was recorded: leaves an incomplete summary in the run's folder (or a folder of
   * its own) with the suite's own figures (lag, intended-time latency, the generator), then, from
   * the simulation.log Gatling wrote up to the stop, the requests' figures and Gatling's HTML report
   * ({@link StoppedRun}), all marked incomplete.
   */
  public void abandon(String reason) {
    if (recorded) {
      return;
    }
    Path folder = newestRunFolder().orElse(resultsFolder.resolve(prefix() + FOLDER_TIME.format(start) + "-incomplete"));
    long achieved = iterations.getAsLong();
    write(folder, new RunSummary(simulation, workload.path(), profile, RunSummary.INCOMPLETE, reason, sutOf(),
        start.toString(), Instant.now().toString(), workload.warmUp().toNanos() / 1e9,
        workload.schedule().measuredSeconds(), planned(),
        null, null, List.of(), List.of(), null, probes(), List.of(), List.of(), ScheduleResults.of(intendedTimes),
        generatorFigures(achieved, List.of(), true), BuildTag.current()));
    StoppedRun.report(folder, groupNames, levels(workload),
        workload.shape() instanceof Shape.Staircase staircase ? staircase.levelSeconds() : 0, history);
  }

  /**
   * Every request's row, then a row per group the simulation declared (its cumulated response
   * time), in each of {@code levels} (a staircase's level groups; a single empty one otherwise).
   */
  static List<RequestStats> requests(RunStats stats, List<String> groupNames, List<List<String>> levels,
      java.util.function.ToDoubleFunction<List<String>> window) {
    List<RequestStats> requests = new ArrayList<>();
    for (Map.Entry<List<String>, String> path : stats.requestPaths()) {
      stats.request(path.getKey(), path.getValue())
          .ifPresent(s -> requests.add(requestStats(path.getValue(), path.getKey(), s, window.applyAsDouble(path.getKey()))));
    }
    for (List<String> level : levels) {
      for (String group : groupNames) {
        List<String> hierarchy = new ArrayList<>(level);
        hierarchy.addAll(NamedRequests.parts(group));
        List<String> parents = hierarchy.subList(0, hierarchy.size() - 1);
        stats.group(hierarchy).ifPresent(s -> requests.add(requestStats(hierarchy.get(hierarchy.size() - 1), parents, s,
            window.applyAsDouble(parents))));
      }
    }
    return requests;
  }

  static RequestStats globalStats(RunStats stats, double seconds) {
    return stats.global().map(s -> requestStats(GoalAssertion.ALL_REQUESTS, List.of(), s, seconds)).orElse(null);
  }

  /**
   * The generator's figures over the measured window, and the signs they show; a stopped run's
   * achieved iterations are no sign, as its planned ones are those of the whole run.
   */
  private RunSummary.Generator generatorFigures(long achieved, List<GoalResult> results, boolean stopped) {
    generator.close();
    double warmUp = workload.warmUp().toNanos() / 1e9;
    double measured = workload.schedule().measuredSeconds();
    if (stopped) {
      measured = Math.min(measured, Math.max(1, java.time.Duration.between(start, Instant.now()).toNanos() / 1e9 - warmUp));
    }
    return GeneratorResults.of(generator, warmUp, measured, stopped ? Optional.empty() : Optional.of(planned()), achieved, results);
  }

  /** The run's own files first; then its place in the history, which must not lose those. */
  private synchronized void write(Path folder, RunSummary summary) {
    write(folder, summary, history);
    recorded = true;
  }

  static void write(Path folder, RunSummary summary, History.Settings history) {
    SummaryFiles.write(folder.resolve(SummaryFiles.NAME), summary);
    JUnitReport.write(folder.resolve(JUnitReport.NAME), summary);
    try {
      History.record(summary, history.dir(), history.keep());
    } catch (RuntimeException e) {
      System.err.println("the run could not be added to the history: " + e.getMessage());
    }
  }

  /**
   * Writes the suite page again. Called as the JVM exits, after Gatling has written this run's
   * HTML report (it does so after {@code after()}), so that the page links it.
   */
  public void writeSuitePage() {
    try {
      System.out.println("suite page: " + SuitePage.generate(resultsFolder, history.dir(), SuitePage.PAGE_FILE).toAbsolutePath().toUri());
    } catch (RuntimeException e) {
      System.err.println("the suite page could not be updated: " + e.getMessage());
    }
  }

  /** The data rate of every request or group whose bytes the simulation declared (in each staircase level). */
  public static List<RunSummary.Transfer> transfers(List<RequestStats> requests, Map<String, Long> bytesPerRequest) {
    return requests.stream().filter(r -> bytesPerRequest.containsKey(r.name()))
        .map(r -> new RunSummary.Transfer(r.path(), bytesPerRequest.get(r.name()), r.throughput() * bytesPerRequest.get(r.name()) / (1 << 20)))
        .toList();
  }

  public static GoalResult goalResult(Verdict v) {
    GoalAssertion ga = v.goalAssertion();
    return new GoalResult(ga.describe(), ga.scope(), ga.goal().metric().key, ga.goal().threshold(), v.actual(), v.met(), v.message(),
        ga.origin(), v.gatling());
  }

  public static RequestStats requestStats(String name, List<String> group, RunStats.Stats s, double window) {
    return new RequestStats(name, group, s.count(), s.failed(), s.failedPercent(), s.min(), s.mean(), s.p50(), s.p75(), s.p95(),
        s.p99(), s.max(), window, s.count() / window);
  }

  /** A staircase's knee: the highest level whose goals were all met; null for other shapes. */
  public static String knee(Workload workload, List<Goal> goals, Collection<String> requestNames, Map<String, Long> bytesPerRequest,
      RunStats stats) {
    if (workload.shape() instanceof Shape.Staircase staircase) {
      return RunReport.knee(staircase, stats.judge(GoalAssertions.levels(workload, staircase, goals, requestNames, bytesPerRequest,
          staircase.levels())));
    }
    return null;
  }

  /** The groups every declared group sits in: each level of a staircase, else none. */
  public static List<List<String>> levels(Workload workload) {
    if (workload.shape() instanceof Shape.Staircase staircase) {
      return staircase.levels().stream().map(level -> List.of(level.name())).toList();
    }
    return List.of(List.of());
  }

  /** The measured window of a request: a staircase level's own duration, else the whole measured window. */
  public static double window(Workload workload, List<String> group) {
    if (workload.shape() instanceof Shape.Staircase staircase && !group.isEmpty()
        && staircase.levels().stream().anyMatch(level -> level.name().equals(group.get(0)))) {
      return staircase.levelSeconds();
    }
    return workload.schedule().measuredSeconds();
  }

  private RunSummary.Rates planned() {
    RateSchedule schedule = workload.schedule();
    return new RunSummary.Rates(schedule.plannedMeasuredIterations(), schedule.plannedMeasuredRate());
  }

  private RunSummary.Sut sutOf() {
    return new RunSummary.Sut(sut.mode(), sut.baseUrl(), sut.description(), null);
  }

  private List<RunSummary.Probes> probes() {
    return ProbeResults.summary(sut);
  }

  private String prefix() {
    return simulation.substring(simulation.lastIndexOf('.') + 1).toLowerCase() + "-";
  }

  /** The folder Gatling opened for this run: the newest of this simulation, created since it started. */
  private Optional<Path> newestRunFolder() {
    try (var folders = Files.list(resultsFolder)) {
      return folders.filter(p -> p.getFileName().toString().startsWith(prefix()))
          .filter(p -> p.toFile().lastModified() >= start.toEpochMilli() - 1000)
          .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
