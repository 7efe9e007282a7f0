package loadsuite.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.goals.Held;
import loadsuite.load.NamedRequests;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.log.MeasuredWindow;
import loadsuite.results.RunSummary.GoalResult;
import loadsuite.results.RunSummary.RequestStats;

/**
 * The one producer of a run's summary: a function of its folder (plan.json, simulation.log) and of
 * the figures the suite measured itself. A finished run, a stopped one (at its exit or recovered
 * later), and a merge of injectors' runs all come through here, and are recorded alike:
 * summary.json, junit.xml and the history.
 */
public final class RunSummaries {
  static final String LOG = "simulation.log";
  /** Added to a stopped run's reason once its figures are read from its log. */
  static final String PARTIAL = " (its figures are those of what was recorded up to the stop)";

  private RunSummaries() {}

  /** Summarizes the run in {@code folder} and records it there and in the history; returns the summary. */
  public static RunSummary record(Path folder, RunPlan plan, OwnFigures own) {
    Optional<RunStats> stats = Optional.empty();
    String reason = own.reason();
    if (Files.isRegularFile(folder.resolve(LOG))) {
      try {
        if (own.stopped()) {
          cutOnce(folder.resolve(LOG), plan.workloadSent());
        }
        stats = Optional.of(RunStats.read(folder));
        reason = reason == null || reason.endsWith(PARTIAL) ? reason : reason + PARTIAL;
      } catch (RuntimeException e) {
        if (!own.stopped()) {
          throw e;
        }
        System.err.println("the stopped run's log could not be read: " + e);
      }
    }
    RunSummary summary = summarize(plan, own, reason, stats);
    write(folder, summary, plan.historySettings());
    if (own.stopped()) {
      stats.ifPresent(s -> System.out.println("Gatling's report of the stopped run: " + s.writeHtmlReport().toUri()));
    }
    return summary;
  }

  /** A run stopped before {@code after()} left its log uncut: its warm-up is left out here (once: a cut moves the log's start). */
  private static void cutOnce(Path log, Workload workload) {
    if (!MeasuredWindow.isCut(log)) {
      long warmUp = workload.warmUp().toMillis();
      MeasuredWindow.cut(log, OptionalLong.empty(), warmUp, MeasuredWindow.describe(warmUp, workload.schedule().measuredSeconds()),
          List.of());
    }
  }

  static RunSummary summarize(RunPlan plan, OwnFigures own, String reason, Optional<RunStats> stats) {
    Workload workload = plan.workloadSent();
    double warmUp = workload.warmUp().toNanos() / 1e9;
    double measured = workload.schedule().measuredSeconds();
    double window = own.stopped() ? Math.max(1, Math.min(measured, elapsedSeconds(own) - warmUp)) : measured;
    List<RequestStats> requests = stats.map(s -> requests(s, plan, window)).orElse(List.of());
    RequestStats global = stats.flatMap(RunStats::global).map(s -> requestStats(GoalAssertion.ALL_REQUESTS, List.of(), s, window))
        .orElse(null);
    RunSummary.Rates planned = new RunSummary.Rates(workload.schedule().plannedMeasuredIterations(), workload.schedule().plannedMeasuredRate());
    List<GoalResult> results = new ArrayList<>();
    List<RunSummary.Comparison> comparison = List.of();
    List<RunSummary.HeldGoal> held = List.of();
    String knee = null;
    if (!own.stopped() && stats.isPresent()) {
      List<GoalAssertion> assertions = new ArrayList<>(plan.goalAssertions());
      Optional<Baseline> baseline = Optional.ofNullable(plan.comparedWith())
          .flatMap(file -> Baseline.find(withFile(plan.baselineSettings(), file), plan.simulation(), plan.profile(), measured));
      baseline.ifPresent(b -> assertions.addAll(b.assertions()));
      List<Verdict> verdicts = stats.get().judge(assertions);
      verdicts.stream().map(RunSummaries::goalResult).forEach(results::add);
      comparison = baseline.map(b -> b.compare(verdicts)).orElse(List.of());
      if (plan.workloadSent().shape() instanceof Shape.Scaling scaling) {
        ScalingResults scalingResults = ScalingResults.judge(scaling, levelVerdicts(plan, stats.get(), scaling));
        knee = scalingResults.lines();
        results.addAll(scalingResults.goals());
      } else {
        knee = knee(plan, stats.get());
      }
      held = stats.get().held(plan.held());
      held.stream().map(h -> new GoalResult(h.goal(), h.scope(), Held.KEY + "." + h.metric(), h.threshold(), h.actual(), h.met(),
          h.message(), GoalAssertion.TARGETS, null)).forEach(results::add);
    }
    results.addAll(own.goals());
    String status = own.stopped() || stats.isEmpty() ? RunSummary.INCOMPLETE
        : results.stream().allMatch(GoalResult::met) ? RunSummary.PASSED : RunSummary.FAILED;
    String why = stats.isEmpty() && !own.stopped() ? "no " + LOG + " of this run" : reason;
    RunSummary.Generator generator = own.generator() == null ? null
        : GeneratorResults.withSigns(own.generator(), window, own.stopped() ? Optional.empty() : Optional.of(planned),
            own.achievedIterations(), results);
    return new RunSummary(plan.simulation(), plan.workload(), plan.profile(), status, why, plan.sut(), own.start(), own.end(), warmUp,
        measured, planned, own.stopped() ? null : new RunSummary.Rates(own.achievedIterations(), own.achievedIterations() / measured),
        global, requests, results, knee, own.probes(), comparison, transfers(requests, plan.bytesPerRequest()), own.schedule(), generator,
        plan.build(), held);
  }

  /** summary.json and junit.xml first; then the run's place in the history, which must not lose those. */
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
   * Every request's row, then a row per group the simulation declared (its cumulated response
   * time), in each staircase level (or once).
   */
  private static List<RequestStats> requests(RunStats stats, RunPlan plan, double window) {
    List<RequestStats> requests = new ArrayList<>();
    for (Map.Entry<List<String>, String> path : stats.requestPaths()) {
      stats.request(path.getKey(), path.getValue())
          .ifPresent(s -> requests.add(requestStats(path.getValue(), path.getKey(), s, plan.window(path.getKey(), window))));
    }
    for (List<String> level : plan.levels()) {
      for (String group : plan.groups()) {
        List<String> hierarchy = new ArrayList<>(level);
        hierarchy.addAll(NamedRequests.parts(group));
        List<String> parents = hierarchy.subList(0, hierarchy.size() - 1);
        stats.group(hierarchy).ifPresent(s -> requests.add(requestStats(hierarchy.get(hierarchy.size() - 1), parents, s,
            plan.window(parents, window))));
      }
    }
    return requests;
  }

  /** A staircase's knee: the highest level whose goals were all met; null for other shapes. */
  private static String knee(RunPlan plan, RunStats stats) {
    if (plan.workloadSent().shape() instanceof Shape.Staircase staircase) {
      return RunReport.knee(staircase, levelVerdicts(plan, stats, staircase));
    }
    return null;
  }

  /** The goals judged on every level of a staircase, the knee's or not. */
  private static List<Verdict> levelVerdicts(RunPlan plan, RunStats stats, Shape.Staircase staircase) {
    return stats.judge(GoalAssertions.levels(plan.workloadSent(), staircase, plan.goals(), plan.requests(), plan.bytesPerRequest(),
        staircase.levels()));
  }

  /** The data rate of every request or group whose bytes the simulation declared (in each staircase level). */
  private static List<RunSummary.Transfer> transfers(List<RequestStats> requests, Map<String, Long> bytesPerRequest) {
    return requests.stream().filter(r -> bytesPerRequest.containsKey(r.name()))
        .map(r -> new RunSummary.Transfer(r.path(), bytesPerRequest.get(r.name()), r.throughput() * bytesPerRequest.get(r.name()) / (1 << 20)))
        .toList();
  }

  static GoalResult goalResult(Verdict v) {
    GoalAssertion ga = v.goalAssertion();
    return new GoalResult(ga.describe(), ga.scope(), ga.goal().metric().key, ga.goal().threshold(), v.actual(), v.met(), v.message(),
        ga.origin(), v.gatling());
  }

  private static RequestStats requestStats(String name, List<String> group, RunStats.Stats s, double window) {
    return new RequestStats(name, group, s.count(), s.failed(), s.failedPercent(), s.min(), s.mean(), s.p50(), s.p75(), s.p95(),
        s.p99(), s.max(), window, s.count() / window);
  }

  private static Baseline.Settings withFile(Baseline.Settings settings, String file) {
    return new Baseline.Settings(settings.dir(), file, settings.threshold(), settings.minDelta(), settings.failedMinDelta());
  }

  private static double elapsedSeconds(OwnFigures own) {
    return Duration.between(Instant.parse(own.start()), Instant.parse(own.end())).toNanos() / 1e9;
  }
}
