package loadsuite.results;

import io.gatling.charts.report.ReportsGenerationInputs;
import io.gatling.charts.report.ReportsGenerator;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RequestStatsPath;
import io.gatling.charts.stats.StatsPath;
import io.gatling.commons.stats.KO$;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.shared.model.assertion.AssertionResult;
import io.gatling.shared.model.assertion.AssertionStatsRepository;
import io.gatling.shared.model.assertion.AssertionValidator;
import loadsuite.goals.GoalAssertion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The statistics of a finished run, read from its simulation.log with Gatling's own reader, so
 * they are the numbers of Gatling's HTML report.
 */
public final class RunStats {
  /** The statistics of one request (or of all requests): counts and response times in ms. */
  public record Stats(long count, long failed, int min, int mean, int max, int p50, int p75, int p95, int p99) {
    public double failedPercent() {
      return count == 0 ? 0 : 100.0 * failed / count;
    }
  }

  private final LogFileData data;
  private final Path directory;
  private final GatlingConfiguration configuration;

  private RunStats(LogFileData data, Path directory, GatlingConfiguration configuration) {
    this.data = data;
    this.directory = directory;
    this.configuration = configuration;
  }

  /** The newest run of a simulation under a results folder (Gatling's folder per run). */
  public static Optional<RunStats> latest(Path resultsFolder, String simulationClassName) {
    String prefix = simulationClassName.substring(simulationClassName.lastIndexOf('.') + 1).toLowerCase() + "-";
    if (!Files.isDirectory(resultsFolder)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(resultsFolder)) {
      return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> Files.isRegularFile(p.resolve("simulation.log")))
          .max(Comparator.comparing(p -> p.getFileName().toString()))
          .map(RunStats::read);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static RunStats read(Path runDirectory) {
    GatlingConfiguration configuration = GatlingConfiguration.load();
    LogFileData data = LogFileReader.apply(runDirectory.getFileName().toString(), runDirectory.getParent(), configuration).read();
    return new RunStats(data, runDirectory, configuration);
  }

  /**
   * Writes Gatling's HTML report of the run into its folder, as Gatling's reports-only mode
   * ({@code -ro}) does, without judging assertions: a stopped run's report. Returns its index.html.
   */
  public Path writeHtmlReport() {
    return new ReportsGenerator(configuration.data().zoneId(), configuration.core().charset(), directory.getParent(), configuration.reports())
        .generateFor(new ReportsGenerationInputs(directory.getFileName().toString(), data, scala.collection.immutable.List$.MODULE$.empty()));
  }

  /** Gatling's own verdict on each goal, with the value it measured: the same as its console lines. */
  public List<Verdict> judge(List<GoalAssertion> goals) {
    List<io.gatling.commons.stats.assertion.Assertion> assertions = goals.stream().map(g -> g.assertion().asScala()).toList();
    List<AssertionResult> results = CollectionConverters.asJava(
        new AssertionValidator(data).validateAssertions(CollectionConverters.asScala(assertions).toList()));
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < goals.size(); i++) {
      AssertionResult result = results.get(i);
      verdicts.add(result instanceof AssertionResult.Resolved resolved
          ? new Verdict(goals.get(i), resolved.success(), resolved.actualValue(), null)
          : new Verdict(goals.get(i), false, null, ((AssertionResult.ResolutionError) result).error()));
    }
    return verdicts;
  }

  /** The requests of the run, each as its group path and name, in the order Gatling met them. */
  public List<Map.Entry<List<String>, String>> requestPaths() {
    List<Map.Entry<List<String>, String>> paths = new ArrayList<>();
    for (StatsPath path : CollectionConverters.asJava(data.statsPaths())) {
      if (path instanceof RequestStatsPath request) {
        List<String> group = request.group().isEmpty() ? List.of() : List.copyOf(CollectionConverters.asJava(request.group().get().hierarchy()));
        paths.add(Map.entry(group, request.request()));
      }
    }
    return paths;
  }

  public Path directory() {
    return directory;
  }

  public Optional<Stats> global() {
    return stats(List.of(), null);
  }

  public Optional<Stats> request(List<String> groups, String request) {
    return stats(groups, request);
  }

  /**
   * A group of the run by its path ({@code journey}): count, failed and response times are those of
   * the group's cumulated response time (its requests' times added up), which is what a goal on the
   * group is asserted on; empty when the run has no such group.
   */
  public Optional<Stats> group(List<String> hierarchy) {
    scala.collection.immutable.List<String> path = CollectionConverters.asScala(hierarchy).toList();
    return stats(data.groupCumulatedResponseTimeGeneralStats(path, scala.Option.empty()),
        data.groupCumulatedResponseTimeGeneralStats(path, scala.Option.apply(KO$.MODULE$)));
  }

  private Optional<Stats> stats(List<String> groups, String request) {
    scala.collection.immutable.List<String> path = CollectionConverters.asScala(groups).toList();
    return stats(data.requestGeneralStats(path, scala.Option.apply(request), scala.Option.empty()),
        data.requestGeneralStats(path, scala.Option.apply(request), scala.Option.apply(KO$.MODULE$)));
  }

  private static Optional<Stats> stats(scala.Option<AssertionStatsRepository.Stats> all, scala.Option<AssertionStatsRepository.Stats> ko) {
    if (all.isEmpty()) {
      return Optional.empty();
    }
    AssertionStatsRepository.Stats s = all.get();
    return Optional.of(new Stats(s.count(), ko.isEmpty() ? 0 : ko.get().count(), s.min(), s.mean(), s.max(),
        percentile(s, 50), percentile(s, 75), percentile(s, 95), percentile(s, 99)));
  }

  private static int percentile(AssertionStatsRepository.Stats s, double rank) {
    return ((Number) s.percentile().apply(rank)).intValue();
  }
}
