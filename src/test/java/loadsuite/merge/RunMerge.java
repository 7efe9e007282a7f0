package loadsuite.merge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import loadsuite.config.TargetsException;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.load.NamedRequests;
import loadsuite.log.LogException;
import loadsuite.log.MeasuredWindow;
import loadsuite.results.Baseline;
import loadsuite.results.History;
import loadsuite.results.JUnitReport;
import loadsuite.results.RunRecorder;
import loadsuite.results.RunReport;
import loadsuite.results.RunStats;
import loadsuite.results.RunSummary;
import loadsuite.results.SuitePage;
import loadsuite.results.SummaryFiles;
import loadsuite.results.Verdict;
import loadsuite.suite.Suite;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import loadsuite.system.WorkloadSpec;

/**
 * Turns the run folders of N injectors into one run, as if one machine had sent the whole load:
 * {@code ./mvnw test-compile exec:java@merge -Druns=<folder>,<folder>,… -Dprofile=…}, with the
 * options the injectors ran with. One simulation.log of all the records (percentiles are those of
 * all the samples), Gatling's HTML report of it, summary.json, junit.xml, the run report, the
 * history and the suite page, with the goals of targets.conf judged at full scale and the comparison
 * with the baseline of the whole run: exit 2 when one is missed, 3 on input it cannot merge.
 */
public final class RunMerge {
  static final Path RESULTS = Path.of("target", "gatling");
  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private RunMerge() {}

  public static void main(String[] args) {
    String runs = System.getProperty("runs", String.join(",", args));
    int status;
    try {
      if (runs.isBlank()) {
        throw new MergeException("name the injectors' run folders: -Druns=target/gatling/<run of 1/N>,target/gatling/<run of 2/N>,…");
      }
      RunSummary merged = merge(Arrays.stream(runs.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Path::of).toList(), RESULTS);
      status = RunSummary.PASSED.equals(merged.status()) ? 0 : 2;
    } catch (MergeException | LogException | TargetsException e) {
      System.err.println("\nmerge: NOTHING MERGED: " + e.getMessage() + "\n");
      status = 3;
    }
    System.exit(status);
  }

  /** Merges the runs into a new folder under {@code results} and returns the merged summary, also written there. */
  public static RunSummary merge(List<Path> folders, Path results) {
    List<InjectorRun> runs = folders.stream().map(InjectorRun::read).toList();
    InjectorRun.checkTogether(runs);
    RunSummary first = runs.get(0).summary();
    Suite.Plan whole = wholePlan(first.simulation(), runs);
    List<List<String>> levels = RunRecorder.levels(whole.workload());
    Map<String, Long> bytesPerRequest = bytesPerRequest(first.transfers(), levels);
    Set<String> requests = new LinkedHashSet<>();
    runs.forEach(run -> run.summary().requests().forEach(r -> requests.add(withinLevel(r.path(), levels))));
    List<GoalAssertion> goals = new ArrayList<>(GoalAssertions.of(whole.workload(), whole.goals(), requests, List.of(), bytesPerRequest));
    Optional<Baseline> baseline = Baseline.find(Baseline.Settings.read(Suite.targets().baseline()), first.simulation(), first.profile(),
        whole.workload().schedule().measuredSeconds());
    baseline.ifPresent(b -> goals.addAll(b.assertions()));

    String start = runs.stream().map(r -> r.summary().start()).min(Comparator.naturalOrder()).orElseThrow();
    String simpleName = first.simulation().substring(first.simulation().lastIndexOf('.') + 1).toLowerCase();
    Path folder = results.resolve(simpleName + "-" + FOLDER_TIME.format(Instant.parse(start)) + "-merged");
    createEmpty(folder);
    var counts = goals.stream().filter(GoalAssertion::countsOnly).map(g -> g.assertion().asScala()).toList();
    // each injector's log is already cut to its measured window
    List<Long> records = LogMerge.merge(runs.stream().map(r -> r.folder().resolve(InjectorRun.LOG)).toList(),
        folder.resolve(InjectorRun.LOG), "Merged from " + runs.size() + " injectors. "
            + MeasuredWindow.describe(whole.workload().warmUp().toMillis(), whole.workload().schedule().measuredSeconds()), counts);
    System.out.printf("merged %s into %s (records %s)%n", folders, folder, records);

    RunStats stats = RunStats.read(folder);
    String knee = RunRecorder.knee(whole.workload(), whole.goals(), requests, bytesPerRequest, stats);
    RunSummary summary = summarize(stats, runs, whole, goals, baseline, bytesPerRequest, start, knee);
    SummaryFiles.write(folder.resolve(SummaryFiles.NAME), summary);
    JUnitReport.write(folder.resolve(JUnitReport.NAME), summary);
    History.Settings history = History.Settings.read(Suite.targets().history());
    History.record(summary, history.dir(), history.keep());
    System.out.println(RunReport.render(summary));
    summary.goals().forEach(g -> System.out.println((g.met() ? "met:    " : "MISSED: ") + g.message()));
    System.out.println("Gatling's report of all requests: " + GatlingReport.write(folder).toUri());
    System.out.println("suite page: " + SuitePage.generate(results, history.dir(), SuitePage.PAGE_FILE).toAbsolutePath().toUri());
    return summary;
  }

  /**
   * The whole workload, read from targets.conf with this JVM's options: they must be the
   * injectors', which the planned iterations check (each injector's share, summed, is the whole).
   */
  private static Suite.Plan wholePlan(String simulation, List<InjectorRun> runs) {
    Class<?> type;
    try {
      type = Class.forName(simulation);
    } catch (ClassNotFoundException e) {
      throw new MergeException("the runs are of " + simulation + ", which this suite does not have: merge with the suite that ran them");
    }
    for (SystemSpec system : SystemCatalog.all()) {
      for (WorkloadSpec workload : system.workloads().values()) {
        if (workload.simulation().equals(type)) {
          Suite.Plan plan = Suite.plan(Suite.targets(), system, workload.name());
          long planned = plan.workload().schedule().plannedMeasuredIterations();
          long shares = runs.stream().mapToLong(r -> r.summary().planned().iterations()).sum();
          // each share's iterations are rounded on their own: up to one per injector apart
          if (Math.abs(planned - shares) > runs.size()) {
            throw new MergeException("the injectors planned " + shares + " iterations together, the whole workload " + plan.workload().path()
                + " of profile " + Suite.targets().profileName() + " plans " + planned + ": give the merge the -Dprofile and -D options"
                + " the injectors ran with (they ran profile " + runs.get(0).summary().profile() + ")");
          }
          return plan;
        }
      }
    }
    throw new MergeException(simulation + " runs no workload of the suite's systems: merge runs of the suite's simulations");
  }

  /** A row's path within its staircase level (the request or group the goals name), or as it is. */
  static String withinLevel(String path, List<List<String>> levels) {
    List<String> parts = NamedRequests.parts(path);
    return parts.size() > 1 && levels.contains(List.of(parts.get(0))) ? String.join(NamedRequests.SEPARATOR, parts.subList(1, parts.size()))
        : path;
  }

  /**
   * The bytes of each request or group that carries a known size, by the path goals name: a
   * staircase's transfers are a row per level ({@code level 10 workers / copy image}), the goal's
   * scope is {@code copy image}.
   */
  static Map<String, Long> bytesPerRequest(List<RunSummary.Transfer> transfers, List<List<String>> levels) {
    return transfers.stream().collect(Collectors.toMap(t -> withinLevel(t.request(), levels), RunSummary.Transfer::bytesPerRequest,
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static RunSummary summarize(RunStats stats, List<InjectorRun> runs, Suite.Plan whole, List<GoalAssertion> goals,
      Optional<Baseline> baseline, Map<String, Long> bytesPerRequest, String start, String knee) {
    RunSummary first = runs.get(0).summary();
    double seconds = whole.workload().schedule().measuredSeconds();
    Set<Map.Entry<List<String>, String>> requestPaths = new LinkedHashSet<>(stats.requestPaths());
    List<RunSummary.RequestStats> rows = new ArrayList<>();
    for (RunSummary.RequestStats row : first.requests()) {
      List<String> hierarchy = new ArrayList<>(row.group());
      hierarchy.add(row.name());
      var merged = requestPaths.contains(Map.entry(row.group(), row.name())) ? stats.request(row.group(), row.name()) : stats.group(hierarchy);
      merged.ifPresent(s -> rows.add(RunRecorder.requestStats(row.name(), row.group(), s,
          RunRecorder.window(whole.workload(), row.group()))));
    }
    RunSummary.RequestStats global = stats.global().map(s -> RunRecorder.requestStats(GoalAssertion.ALL_REQUESTS, List.of(), s, seconds))
        .orElse(null);
    List<Verdict> verdicts = stats.judge(goals);
    List<RunSummary.GoalResult> results = new ArrayList<>(verdicts.stream().map(RunRecorder::goalResult).toList());
    // schedule lag and intended-time latency are each generator's own: judged on each injector, carried over as such
    for (int i = 0; i < runs.size(); i++) {
      String injector = "injector " + (i + 1) + ": ";
      runs.get(i).summary().goals().stream()
          .filter(g -> g.metric().startsWith("lag.") || g.metric().startsWith("intended."))
          .map(g -> new RunSummary.GoalResult(injector + g.goal(), g.scope(), g.metric(), g.threshold(), g.actual(), g.met(),
              g.message() == null ? null : injector + g.message(), g.origin(), null))
          .forEach(results::add);
    }
    long achieved = runs.stream().mapToLong(r -> r.summary().achieved().iterations()).sum();
    String end = runs.stream().map(r -> r.summary().end()).max(Comparator.naturalOrder()).orElseThrow();
    var schedule = whole.workload().schedule();
    return new RunSummary(first.simulation(), first.workload(), first.profile(),
        results.stream().allMatch(RunSummary.GoalResult::met) ? RunSummary.PASSED : RunSummary.FAILED, null,
        new RunSummary.Sut(first.sut().mode(), first.sut().url(), first.sut().description() + ", from " + runs.size() + " injectors",
            first.sut().image()),
        start, end, first.warmUpSeconds(), seconds,
        new RunSummary.Rates(schedule.plannedMeasuredIterations(), schedule.plannedMeasuredRate()),
        new RunSummary.Rates(achieved, achieved / seconds), global, rows, results, knee, first.probes(),
        baseline.map(b -> b.compare(verdicts)).orElse(List.of()),
        RunRecorder.transfers(rows, bytesPerRequest), null,
        // a merged run measures the generators if any injector's did: the first such injector's figures, else the first's
        runs.stream().map(r -> r.summary().generator()).filter(g -> g != null && g.bound()).findFirst().orElse(first.generator()),
        first.build());
  }

  private static void createEmpty(Path folder) {
    try {
      if (Files.exists(folder)) {
        try (var old = Files.walk(folder)) {
          old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create " + folder, e);
    }
  }
}
