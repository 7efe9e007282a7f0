package loadsuite.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
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
  private final Instant start = Instant.now();
  private volatile boolean recorded;

  public RunRecorder(Path resultsFolder, History.Settings history, String simulation, String profile, Workload workload, List<Goal> goals,
      List<String> requestNames, List<String> groupNames, List<GoalAssertion> goalAssertions, Optional<Baseline> baseline, LongSupplier iterations, Map<String, Long> bytesPerRequest, RunningSystem sut) {
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
  }

  /** Reads the run's statistics and verdicts, writes summary.json and junit.xml, and returns the summary. */
  public RunSummary finish(RunStats stats) {
    RateSchedule schedule = workload.schedule();
    double seconds = schedule.measuredSeconds();
    List<RequestStats> requests = new ArrayList<>();
    for (Map.Entry<List<String>, String> path : stats.requestPaths()) {
      stats.request(path.getKey(), path.getValue()).ifPresent(s -> requests.add(requestStats(path.getValue(), path.getKey(), s, window(path.getKey()))));
    }
    // the groups the simulation declared, each a row of its own after its requests: its cumulated response time
    for (String group : groupNames) {
      List<String> hierarchy = NamedRequests.parts(group);
      List<String> parents = hierarchy.subList(0, hierarchy.size() - 1);
      stats.group(hierarchy).ifPresent(s -> requests.add(requestStats(hierarchy.get(hierarchy.size() - 1), parents, s, window(parents))));
    }
    RequestStats global = stats.global().map(s -> requestStats(GoalAssertion.ALL_REQUESTS, List.of(), s, seconds)).orElse(null);
    List<Verdict> verdicts = stats.judge(goalAssertions);
    List<GoalResult> results = new ArrayList<>(verdicts.stream().map(RunRecorder::goalResult).toList());
    results.addAll(ProbeResults.goals(sut));
    List<RunSummary.Comparison> comparison = baseline.map(b -> b.compare(verdicts)).orElse(List.of());
    String knee = null;
    if (workload.shape() instanceof Shape.Stress stress) {
      knee = RunReport.knee(stress, stats.judge(GoalAssertions.levels(workload, stress, goals, requestNames.get(0), stress.levelRates())));
    }
    long achieved = iterations.getAsLong();
    boolean passed = results.stream().allMatch(GoalResult::met);
    RunSummary summary = new RunSummary(simulation, workload.path(), profile, passed ? RunSummary.PASSED : RunSummary.FAILED, null,
        sutOf(), start.toString(), Instant.now().toString(), workload.warmUp().toNanos() / 1e9, seconds,
        planned(),
        new RunSummary.Rates(achieved, achieved / seconds), global, requests, results, knee, probes(), comparison,
        transfers(requests, bytesPerRequest));
    write(stats.directory(), summary);
    return summary;
  }

  /** Leaves an incomplete summary in the run's folder (or a folder of its own) unless the run was recorded. */
  public void abandon(String reason) {
    if (recorded) {
      return;
    }
    Path folder = newestRunFolder().orElse(resultsFolder.resolve(prefix() + FOLDER_TIME.format(start) + "-incomplete"));
    write(folder, new RunSummary(simulation, workload.path(), profile, RunSummary.INCOMPLETE, reason, sutOf(),
        start.toString(), Instant.now().toString(), workload.warmUp().toNanos() / 1e9,
        workload.schedule().measuredSeconds(), planned(),
        null, null, List.of(), List.of(), null, probes(), List.of(), List.of()));
  }

  /** The run's own files first; then its place in the history, which must not lose those. */
  private synchronized void write(Path folder, RunSummary summary) {
    SummaryFiles.write(folder.resolve(SummaryFiles.NAME), summary);
    JUnitReport.write(folder.resolve(JUnitReport.NAME), summary);
    recorded = true;
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

  /** The data rate of every request whose bytes the simulation declared. */
  public static List<RunSummary.Transfer> transfers(List<RequestStats> requests, Map<String, Long> bytesPerRequest) {
    return requests.stream().filter(r -> r.group().isEmpty() && bytesPerRequest.containsKey(r.name()))
        .map(r -> new RunSummary.Transfer(r.name(), bytesPerRequest.get(r.name()), r.throughput() * bytesPerRequest.get(r.name()) / (1 << 20)))
        .toList();
  }

  public static GoalResult goalResult(Verdict v) {
    GoalAssertion ga = v.goalAssertion();
    return new GoalResult(ga.describe(), ga.scope(), ga.goal().metric().key, ga.goal().threshold(), v.actual(), v.met(), v.message(),
        ga.origin());
  }

  public static RequestStats requestStats(String name, List<String> group, RunStats.Stats s, double window) {
    return new RequestStats(name, group, s.count(), s.failed(), s.failedPercent(), s.min(), s.mean(), s.p50(), s.p75(), s.p95(),
        s.p99(), s.max(), window, s.count() / window);
  }

  /** The measured window of a request: a stress level's own duration, else the whole measured window. */
  private double window(List<String> group) {
    if (workload.shape() instanceof Shape.Stress stress && group.size() == 1 && group.get(0).startsWith("level ")) {
      return stress.duration().toNanos() / 1e9 / stress.steps();
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
