package loadsuite.merge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import loadsuite.config.TargetsException;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;
import loadsuite.log.LogException;
import loadsuite.log.MeasuredWindow;
import loadsuite.results.Baseline;
import loadsuite.results.OwnFigures;
import loadsuite.results.RunPlan;
import loadsuite.results.RunReport;
import loadsuite.results.RunSummaries;
import loadsuite.results.RunSummary;
import loadsuite.results.SuitePage;

/**
 * Turns the run folders of N injectors into one run, as if one machine had sent the whole load:
 * {@code ./mvnw test-compile exec:java@merge -Druns=<folder>,<folder>,…}: the folders are all it
 * needs (each injector's plan.json holds the whole workload and its share). One simulation.log of
 * all the records (percentiles are those of all the samples), Gatling's HTML report of it,
 * plan.json, summary.json, junit.xml, the run report, the history and the suite page, with the
 * whole run's goals judged at full scale (or other goals given as {@code -D<workload>.goals.…}) and
 * the comparison with the baseline of the whole run: exit 2 when one is missed, 3 on input it cannot merge.
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
    RunPlan first = runs.get(0).plan();
    String start = runs.stream().map(r -> r.summary().start()).min(Comparator.naturalOrder()).orElseThrow();
    double measured = first.wholeWorkload().schedule().measuredSeconds();
    Optional<Path> baseline = Baseline.find(first.baselineSettings(), first.simulation(), first.profile(), measured).map(Baseline::source);
    RunPlan whole = first.whole(first.sut().description() + ", from " + runs.size() + " injectors", baseline,
        goalOverrides(first.workload(), System.getProperties()));

    String simpleName = first.simulation().substring(first.simulation().lastIndexOf('.') + 1).toLowerCase();
    Path folder = results.resolve(simpleName + "-" + FOLDER_TIME.format(Instant.parse(start)) + "-merged");
    createEmpty(folder);
    whole.write(folder);
    var counts = whole.goalAssertions().stream().filter(GoalAssertion::countsOnly).map(g -> g.assertion().asScala()).toList();
    // each injector's log is already cut to its measured window
    List<Long> records = LogMerge.merge(runs.stream().map(r -> r.folder().resolve(InjectorRun.LOG)).toList(),
        folder.resolve(InjectorRun.LOG), "Merged from " + runs.size() + " injectors. "
            + MeasuredWindow.describe(whole.workloadSent().warmUp().toMillis(), measured), counts);
    System.out.printf("merged %s into %s (records %s)%n", folders, folder, records);

    RunSummary summary = RunSummaries.record(folder, whole, ownFigures(runs, start));
    System.out.println(RunReport.render(summary));
    summary.goals().forEach(g -> System.out.println((g.met() ? "met:    " : "MISSED: ") + g.message()));
    System.out.println("Gatling's report of all requests: " + GatlingReport.write(folder).toUri());
    System.out.println("suite page: " + SuitePage.generate(results, whole.historySettings().dir(), SuitePage.PAGE_FILE).toAbsolutePath().toUri());
    return summary;
  }

  /**
   * The goals of the workload given to the merge ({@code -D<workload>.goals.…}): the whole run judged
   * at other goals. Every other key of the workload is the injectors' own, which their plans hold.
   */
  static Map<String, String> goalOverrides(String workload, Properties properties) {
    Map<String, String> goals = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(workload + ".goals.")) {
        goals.put(key.substring(workload.length() + 1), properties.getProperty(key));
      } else if (key.startsWith(workload + ".")) {
        throw new MergeException("-D" + key + ": the merge judges the workload the injectors ran (their " + RunPlan.NAME
            + "); of its keys it takes only goals, such as -D" + workload + ".goals.global.p95=…");
      }
    }
    return goals;
  }

  /**
   * The injectors' own figures as one run's: the schedule lag, intended-time latency and sends are
   * each generator's own, judged on each injector and carried over as such.
   */
  private static OwnFigures ownFigures(List<InjectorRun> runs, String start) {
    List<RunSummary.GoalResult> goals = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      String injector = "injector " + (i + 1) + ": ";
      runs.get(i).summary().goals().stream()
          .filter(g -> Metric.byKey(g.metric()) != null && Metric.byKey(g.metric()).fromSchedule())
          .map(g -> new RunSummary.GoalResult(injector + g.goal(), g.scope(), g.metric(), g.threshold(), g.actual(), g.met(),
              g.message() == null ? null : injector + g.message(), g.origin(), null))
          .forEach(goals::add);
    }
    long achieved = runs.stream().mapToLong(r -> r.summary().achieved().iterations()).sum();
    String end = runs.stream().map(r -> r.summary().end()).max(Comparator.naturalOrder()).orElseThrow();
    RunSummary first = runs.get(0).summary();
    // a merged run measures the generators if any injector's did: the first such injector's figures, else the first's
    RunSummary.Generator generator = runs.stream().map(r -> r.summary().generator()).filter(g -> g != null && g.bound()).findFirst()
        .orElse(first.generator());
    return new OwnFigures(start, end, null, achieved, null, generator, first.probes(), goals);
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
