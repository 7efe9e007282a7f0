package loadsuite.results;

import io.gatling.charts.report.ReportsGenerationInputs;
import io.gatling.charts.report.ReportsGenerator;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.shared.model.assertion.AssertionResult;
import io.gatling.shared.model.assertion.AssertionValidator;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The statistics of a finished run, from its simulation.log: the exact figures over every response
 * ({@link ExactStats}), which the rows and every verdict use, and Gatling's own reading of the same
 * log (the numbers of its HTML report, percentiles estimated by a t-digest), kept as a second opinion.
 */
public final class RunStats {
  /** The statistics of one request (or of all requests): counts and exact response times in ms (the mean rounded, as Gatling's report). */
  public record Stats(long count, long failed, int min, int mean, int max, int p50, int p75, int p95, int p99) {
    public double failedPercent() {
      return count == 0 ? 0 : 100.0 * failed / count;
    }
  }

  private static final scala.Option<io.gatling.commons.stats.Status> KO = scala.Option.apply(KO$.MODULE$);

  private final LogFileData data;
  private final ExactStats exact;
  private final Path directory;
  private final GatlingConfiguration configuration;

  private RunStats(LogFileData data, ExactStats exact, Path directory, GatlingConfiguration configuration) {
    this.data = data;
    this.exact = exact;
    this.directory = directory;
    this.configuration = configuration;
  }

  public static RunStats read(Path runDirectory) {
    GatlingConfiguration configuration = GatlingConfiguration.load();
    LogFileData data = LogFileReader.apply(runDirectory.getFileName().toString(), runDirectory.getParent(), configuration).read();
    return new RunStats(data, ExactStats.read(runDirectory.resolve("simulation.log"), data), runDirectory, configuration);
  }

  /**
   * Writes Gatling's HTML report of the run into its folder, as Gatling's reports-only mode
   * ({@code -ro}) does, without judging assertions: a stopped run's report. Returns its index.html.
   */
  public Path writeHtmlReport() {
    return new ReportsGenerator(configuration.data().zoneId(), configuration.core().charset(), directory.getParent(), configuration.reports())
        .generateFor(new ReportsGenerationInputs(directory.getFileName().toString(), data, scala.collection.immutable.List$.MODULE$.empty()));
  }

  /**
   * The verdict on each goal: Gatling's assertion validator over the exact figures, with the value
   * Gatling's own reading gives (its report's) beside it, and the responses the figure is over.
   */
  /** The held goals, judged second by second on the run's log. */
  public List<RunSummary.HeldGoal> held(List<loadsuite.goals.Held> held) {
    return held.isEmpty() ? List.of() : SecondsHeld.judge(directory.resolve("simulation.log"), held);
  }

  public List<Verdict> judge(List<GoalAssertion> goals) {
    List<io.gatling.commons.stats.assertion.Assertion> assertions = goals.stream().map(g -> g.assertion().asScala()).toList();
    var scalaAssertions = CollectionConverters.asScala(assertions).toList();
    List<AssertionResult> exactResults = CollectionConverters.asJava(new AssertionValidator(exact).validateAssertions(scalaAssertions));
    List<AssertionResult> gatlingResults = CollectionConverters.asJava(new AssertionValidator(data).validateAssertions(scalaAssertions));
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < goals.size(); i++) {
      GoalAssertion goal = goals.get(i);
      Double gatling = gatlingResults.get(i) instanceof AssertionResult.Resolved resolved ? resolved.actualValue() : null;
      long samples = exact.scope(goal.path()).map(ResponseTimes::count).orElse(0L);
      verdicts.add(exactResults.get(i) instanceof AssertionResult.Resolved resolved
          ? new Verdict(goal, resolved.success(), actual(goal, resolved.actualValue()), null, gatling, samples)
          : new Verdict(goal, false, null, ((AssertionResult.ResolutionError) exactResults.get(i)).error(), gatling, samples));
    }
    return verdicts;
  }

  /** The exact figure of a goal: the validator's, but a mean unrounded (the validator's, rounded down, judges {@code mean < T} exactly). */
  private double actual(GoalAssertion goal, double validated) {
    return goal.goal().metric() == Metric.MEAN ? exact.scope(goal.path()).map(ResponseTimes::mean).orElse(validated) : validated;
  }

  /** The requests of the run, each as its group path and name, in the order the log first names them. */
  public List<Map.Entry<List<String>, String>> requestPaths() {
    return exact.requestPaths();
  }

  public Path directory() {
    return directory;
  }

  public Optional<Stats> global() {
    return stats(exact.global(scala.Option.empty()), exact.global(KO));
  }

  public Optional<Stats> request(List<String> groups, String request) {
    return stats(exact.request(groups, request, scala.Option.empty()), exact.request(groups, request, KO));
  }

  /**
   * A group of the run by its path ({@code journey}): count, failed and response times are those of
   * the group's cumulated response time (its requests' times added up), which is what a goal on the
   * group is asserted on; empty when the run has no such group.
   */
  public Optional<Stats> group(List<String> hierarchy) {
    return stats(exact.group(hierarchy, scala.Option.empty()), exact.group(hierarchy, KO));
  }

  private static Optional<Stats> stats(Optional<ResponseTimes> all, Optional<ResponseTimes> ko) {
    return all.map(t -> new Stats(t.count(), ko.map(ResponseTimes::count).orElse(0L), t.min(), (int) Math.round(t.mean()), t.max(),
        t.percentile(50), t.percentile(75), t.percentile(95), t.percentile(99)));
  }
}
