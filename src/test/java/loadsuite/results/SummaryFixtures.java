package loadsuite.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import loadsuite.results.RunSummary.Comparison;
import loadsuite.results.RunSummary.GoalResult;
import loadsuite.results.RunSummary.RequestStats;

/** Summaries shaped like the recorder's, and run folders laid out like Gatling's, for the tests. */
final class SummaryFixtures {
  static final String USERS = "loadsuite.runtime.RuntimeMixedSimulation";
  static final String SUSTAINED = "loadsuite.runtime.RuntimeSustainedSimulation";
  static final String STRESS = "loadsuite.runtime.RuntimeStressSimulation";
  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private SummaryFixtures() {}

  /** A run that met its goals; p95 sets every response time figure, so trends differ per run. */
  static RunSummary passed(String simulation, Instant start, int p95) {
    return summary(simulation, start, RunSummary.PASSED, p95, List.of(goal("p95 of all requests < 500ms", p95, true)), null, List.of());
  }

  static RunSummary failed(String simulation, Instant start, int p95) {
    return summary(simulation, start, RunSummary.FAILED, p95, List.of(goal("p95 of all requests < 20ms", p95, false)), null, List.of());
  }

  static RunSummary incomplete(String simulation, Instant start, String reason) {
    return new RunSummary(simulation, "runtime.sustained", "smoke", RunSummary.INCOMPLETE, reason, sut(), start.toString(),
        start.plusSeconds(3).toString(), 2, 5, new RunSummary.Rates(250, 50), null, null, List.of(), List.of(), null,
        probes(), List.of());
  }

  static RunSummary summary(String simulation, Instant start, String status, int p95, List<GoalResult> goals, String knee,
      List<Comparison> baseline) {
    List<RequestStats> requests = List.of(request("GET /users/{id}", List.of(), p95, 800), request("POST /users", List.of("writes"), p95 * 2, 200));
    return new RunSummary(simulation, "runtime.mixed", "smoke", status, null, sut(), start.toString(),
        start.plusSeconds(8).toString(), 2, 5, new RunSummary.Rates(1000, 200), new RunSummary.Rates(1000 - p95, (1000 - p95) / 5.0),
        request("all requests", List.of(), p95, 1000 - p95), requests, goals, knee, probes(), baseline);
  }

  static GoalResult goal(String goal, double actual, boolean met) {
    String comparison = goal.substring(goal.lastIndexOf(' ') + 1);
    return new GoalResult(goal, "all requests", "p95", comparison, actual, met,
        "p95 of all requests was %.0f ms; goal %s".formatted(actual, comparison), "targets.conf");
  }

  static RequestStats request(String name, List<String> group, int p95, long count) {
    long failed = count / 100;
    return new RequestStats(name, group, count, failed, 100.0 * failed / count, 1, p95 / 3, p95 / 3, p95 / 2, p95, p95 * 2,
        p95 * 3, 5, count / 5.0);
  }

  /** Writes the summary into a Gatling-like run folder with an index.html, and returns the folder. */
  static Path writeRun(Path resultsFolder, RunSummary summary) {
    String simple = summary.simulation().substring(summary.simulation().lastIndexOf('.') + 1).toLowerCase();
    Path folder = resultsFolder.resolve(simple + "-" + FOLDER_TIME.format(Instant.parse(summary.start())));
    SummaryFiles.write(folder.resolve(SummaryFiles.NAME), summary);
    try {
      Files.writeString(folder.resolve("index.html"), "<html><body>Gatling report</body></html>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  private static RunSummary.Sut sut() {
    return new RunSummary.Sut("embedded", "http://127.0.0.1:40539", "embedded runtime stand-in at http://127.0.0.1:40539", null);
  }

  private static RunSummary.Probes probes() {
    return new RunSummary.Probes(false, "embedded mode: startup time and memory are measured for containers only");
  }
}
