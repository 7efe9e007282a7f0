package loadsuite.results;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.config.Section;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.goals.Metric;
import loadsuite.results.RunSummary.Comparison;
import loadsuite.results.RunSummary.RequestStats;

/**
 * The regression gate: every request's p95, p99, failed share and throughput against a baseline
 * run of the same simulation and profile. A figure worse than the baseline's by more than the
 * threshold (and by more than the minimum deltas, which keep millisecond rounding and single
 * errors from failing a build) becomes a failed assertion, so a regression fails the run like a
 * missed goal.
 */
public final class Baseline {
  /** The {@code baseline} block of targets.conf, with {@code -Dbaseline.file=} naming a summary.json or {@code none}. */
  public record Settings(Path dir, String file, Percent threshold, Duration minDelta, Percent failedMinDelta) {
    public static Settings read(Section section) {
      Settings settings = new Settings(Path.of(section.string("dir")), section.string("file"), section.percent("threshold"),
          section.nonNegativeDuration("min-delta"), section.percent("failed-min-delta"));
      section.rejectUnknownKeys();
      return settings;
    }

    /** The promoted baseline of a simulation. */
    public Path promoted(String simulation) {
      return dir.resolve(simulation + ".json");
    }
  }

  /** One figure of the baseline, asserted on this run. */
  record Check(String request, String metric, double baseline, GoalAssertion assertion) {}

  private final Path source;
  private final List<Check> checks;

  private Baseline(Path source, List<Check> checks) {
    this.source = source;
    this.checks = checks;
  }

  /**
   * The baseline for this run, if any: the named file, else the promoted one; none when switched
   * off, absent, or of another profile (figures of another load are no baseline).
   */
  public static Optional<Baseline> find(Settings settings, String simulation, String profile, double windowSeconds) {
    if ("none".equals(settings.file())) {
      return Optional.empty();
    }
    Path file = settings.file().isBlank() ? settings.promoted(simulation) : Path.of(settings.file());
    if (!Files.isRegularFile(file)) {
      if (!settings.file().isBlank()) {
        throw new loadsuite.config.TargetsException("baseline.file " + file + " does not exist: name a run's summary.json,"
            + " or leave -Dbaseline.file out to use the promoted baseline");
      }
      System.out.println("  baseline: none promoted for this simulation (" + file + ")");
      return Optional.empty();
    }
    RunSummary base = SummaryFiles.read(file);
    if (!simulation.equals(base.simulation()) || !profile.equals(base.profile())) {
      System.out.println("  baseline: " + file + " is of " + base.simulation() + " at profile " + base.profile() + ", not compared");
      return Optional.empty();
    }
    if (!RunSummary.PASSED.equals(base.status()) && !RunSummary.FAILED.equals(base.status())) {
      throw new loadsuite.config.TargetsException("baseline " + file + " is an incomplete run: promote a complete one");
    }
    List<Check> checks = new ArrayList<>();
    List<RequestStats> all = new ArrayList<>(base.requests());
    all.add(0, base.global());
    for (RequestStats request : all) {
      checks.addAll(checks(request, settings, windowSeconds, file));
    }
    return Optional.of(new Baseline(file, checks));
  }

  private static List<Check> checks(RequestStats request, Settings s, double windowSeconds, Path file) {
    boolean global = GoalAssertion.ALL_REQUESTS.equals(request.name());
    List<String> parts = new ArrayList<>(request.group());
    parts.add(request.name());
    Assertion.WithPath path = global ? global() : details(parts.toArray(String[]::new));
    String scope = global ? GoalAssertion.ALL_REQUESTS : request.path();
    String origin = "baseline " + file;
    double t = s.threshold().fraction();
    List<Check> checks = new ArrayList<>();
    // response times are whole ms: "at most x" is "below x + 1"
    long p95 = Math.max((long) Math.floor(request.p95() * (1 + t)), request.p95() + s.minDelta().toMillis()) + 1;
    long p99 = Math.max((long) Math.floor(request.p99() * (1 + t)), request.p99() + s.minDelta().toMillis()) + 1;
    double failed = Math.max(request.failedPercent() * (1 + t), request.failedPercent() + s.failedMinDelta().value());
    double rate = request.throughput() * (1 - t);
    List<Goal> goals = new ArrayList<>(List.of(
        new Goal(scope, Metric.P95, Duration.ofMillis(p95), null, null),
        new Goal(scope, Metric.P99, Duration.ofMillis(p99), null, null),
        new Goal(scope, Metric.FAILED, null, new Percent(Math.min(100, failed)), null)));
    if (rate > 0) {
      goals.add(new Goal(scope, Metric.THROUGHPUT, null, null, new Rate(rate)));
    }
    double[] baselines = {request.p95(), request.p99(), request.failedPercent(), request.throughput()};
    for (int i = 0; i < goals.size(); i++) {
      Goal goal = goals.get(i);
      Assertion assertion = GoalAssertions.assertion(goal, path, 0, request.windowSeconds(), 1);
      checks.add(new Check(scope, goal.metric().key, baselines[i],
          new GoalAssertion(goal, scope, assertion, request.windowSeconds(), 1, origin)));
    }
    return checks;
  }

  /**
   * The regression gate from a build's second run on: a passed run that belongs to a build (a
   * nightly's) becomes the simulation's promoted baseline when none exists and none is named; returns
   * where it was promoted. Later runs are compared with it (at its profile); promote another with
   * {@code exec:java@promote}.
   */
  public static Optional<Path> promoteFirst(Settings settings, RunSummary summary, Path summaryFile) {
    Path promoted = settings.promoted(summary.simulation());
    if (!settings.file().isBlank() || summary.build() == null || !RunSummary.PASSED.equals(summary.status()) || Files.exists(promoted)) {
      return Optional.empty();
    }
    try {
      Files.createDirectories(promoted.getParent());
      Files.copy(summaryFile, promoted);
      return Optional.of(promoted);
    } catch (java.io.IOException e) {
      System.err.println("the run could not be promoted to " + promoted + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  public Path source() {
    return source;
  }

  public List<GoalAssertion> assertions() {
    return checks.stream().map(Check::assertion).toList();
  }

  /** This run's figures beside the baseline's, from Gatling's verdicts on the baseline assertions. */
  public List<Comparison> compare(List<Verdict> verdicts) {
    List<Comparison> rows = new ArrayList<>();
    for (Check check : checks) {
      Verdict verdict = verdicts.stream().filter(v -> v.goalAssertion() == check.assertion()).findFirst().orElseThrow();
      double actual = verdict.actual() == null ? Double.NaN
          : check.metric().equals(Metric.THROUGHPUT.key) ? verdict.actual() / check.assertion().windowSeconds() : verdict.actual();
      rows.add(new Comparison(check.request(), check.metric(), check.baseline(), actual, change(check.baseline(), actual), !verdict.met()));
    }
    return rows;
  }

  static double change(double baseline, double actual) {
    if (baseline == 0) {
      return actual == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return 100 * (actual - baseline) / baseline;
  }

  /** The comparison as a console table. */
  public static String render(Path source, List<Comparison> rows) {
    StringBuilder out = new StringBuilder(String.format("%nagainst baseline %s:%n", source));
    out.append(String.format("%-40s %-10s %12s %12s %9s%n", "request", "figure", "baseline", "this run", "change"));
    for (Comparison row : rows) {
      out.append(String.format(Locale.ROOT, "%-40s %-10s %12.2f %12.2f %8.1f%% %s%n", row.request(), row.metric(), row.baseline(),
          row.actual(), row.changePercent(), row.regression() ? "REGRESSION" : ""));
    }
    return out.toString();
  }
}
