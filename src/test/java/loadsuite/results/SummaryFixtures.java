package loadsuite.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        probes(), List.of(), List.of(), null, null, build(start), null);
  }

  static RunSummary summary(String simulation, Instant start, String status, int p95, List<GoalResult> goals, String knee,
      List<Comparison> baseline) {
    List<RequestStats> requests = List.of(request("GET /users/{id}", List.of(), p95, 800), request("POST /users", List.of("writes"), p95 * 2, 200));
    return new RunSummary(simulation, "runtime.mixed", "smoke", status, null, sut(), start.toString(),
        start.plusSeconds(8).toString(), 2, 5, new RunSummary.Rates(1000, 200), new RunSummary.Rates(1000 - p95, (1000 - p95) / 5.0),
        request("all requests", List.of(), p95, 1000 - p95), requests, goals, knee, probes(), baseline, List.of(), schedule(p95),
        generator(status), build(start), null);
  }

  /** The nightly build a run of that day belongs to, as Jenkins tags it: one per day from {@link #T0}. */
  static String build(Instant start) {
    return "jenkins-load-suite-" + (Duration.between(T0, start).toDays() + 1);
  }

  /** The figures from the intended send time: a lag of a tenth of p95 added to the response times. */
  static RunSummary.Schedule schedule(int p95) {
    RunSummary.Percentiles lag = new RunSummary.Percentiles("schedule lag", 1000, p95 / 30.0, p95 / 20.0, p95 / 10.0, p95 / 5.0, p95 / 2.0);
    RunSummary.Percentiles all = new RunSummary.Percentiles("all requests", 1000, p95 / 3.0, p95 / 2.0, p95 * 1.1, p95 * 2.2, p95 * 3.5);
    RunSummary.Percentiles own = new RunSummary.Percentiles("schedule lag, the generator's own", 1000, p95 / 300.0, p95 / 200.0,
        p95 / 100.0, p95 / 50.0, p95 / 20.0);
    return new RunSummary.Schedule(lag, own, 0, all, List.of(new RunSummary.Percentiles("GET /users/{id}", 800, p95 / 3.0, p95 / 2.0,
        p95 * 1.1, p95 * 2.2, p95 * 3.5)));
  }

  /** A failed run's generator was saturated; a passed one's was not. */
  static RunSummary.Generator generator(String status) {
    boolean bound = RunSummary.FAILED.equals(status);
    return new RunSummary.Generator(2, 5, bound ? 97 : 20, bound ? 100 : 35, 40, 41, 60, 3, 30, 12,
        bound ? List.of("the generator's CPU was saturated: 97 % of its 2 cores on average (at least 90 %)") : List.of());
  }

  static GoalResult goal(String goal, double actual, boolean met) {
    String comparison = goal.substring(goal.lastIndexOf(' ') + 1);
    return new GoalResult(goal, "all requests", "p95", comparison, actual, met,
        "p95 of all requests was %.0f ms; goal %s".formatted(actual, comparison), "targets.conf", actual);
  }

  static RequestStats request(String name, List<String> group, int p95, long count) {
    long failed = count / 100;
    return new RequestStats(name, group, count, failed, 100.0 * failed / count, 1, p95 / 3, p95 / 3, p95 / 2, p95, p95 * 2,
        p95 * 3, 5, count / 5.0);
  }

  static final String STRESS_KNEE = "knee: 400/s (goal at least 300/s); missed at 500/s: p95 of \"level 500/s / GET /simple\" was 48 ms; goal < 20ms";
  static final String USERS_MISSED = "p95 of \"GET /users/{id}\" was 31 ms; goal < 20ms";
  static final String SUSTAINED_REASON = "the system under test did not answer at \"http://127.0.0.1:3000\": <connection refused>";
  static final int RUNS = 5;

  /**
   * A suite as the page meets it after its fifth nightly run, each run also recorded in the history:
   * the mixed simulation missed a goal and regressed against its baseline, the stress staircase
   * passed with its knee, the sustained run ended early without a report. An older run of the
   * mixed simulation is still in the results folder.
   */
  static void suite(Path resultsFolder, Path historyFolder) {
    for (int run = 0; run < RUNS; run++) {
      Instant start = T0.plus(Duration.ofDays(run));
      boolean last = run == RUNS - 1;
      RunSummary users = last ? failedUsers(start) : passed(USERS, start, 10 + run);
      RunSummary stress = summary(STRESS, start.plusSeconds(60), RunSummary.PASSED, 12 + 2 * run,
          List.of(goal("p95 of all requests < 20ms", 12 + 2 * run, true)), STRESS_KNEE, List.of());
      RunSummary sustained = last ? incomplete(SUSTAINED, start.plusSeconds(120), SUSTAINED_REASON)
          : passed(SUSTAINED, start.plusSeconds(120), 8 + run % 3);
      for (RunSummary summary : List.of(users, stress, sustained)) {
        History.record(summary, historyFolder, History.KEEP);
      }
      if (run == RUNS - 2) {
        writeRun(resultsFolder, users);
      }
      if (last) {
        writeRun(resultsFolder, users);
        writeRun(resultsFolder, stress);
        deleteReport(writeRun(resultsFolder, sustained));
      }
    }
  }

  private static RunSummary failedUsers(Instant start) {
    List<GoalResult> goals = List.of(
        new GoalResult("p95 of \"GET /users/{id}\" < 20ms", "GET /users/{id}", "p95", "20ms", 31.0, false, USERS_MISSED, "targets.conf", 31.0),
        new GoalResult("failed requests of all requests <= 1%", "all requests", "failed", "1%", 0.97, true,
            "failed of all requests was 0.97 %; goal <= 1%", "targets.conf", 0.97));
    List<Comparison> baseline = List.of(
        new Comparison("GET /users/{id}", "p95", 14, 31, 121.4, true),
        new Comparison("POST /users", "p95", 60, 62, 3.3, false));
    return summary(USERS, start, RunSummary.FAILED, 31, goals, null, baseline);
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

  /** Gatling writes no report when the run ends before its results are read. */
  private static void deleteReport(Path runFolder) {
    try {
      Files.delete(runFolder.resolve("index.html"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RunSummary.Sut sut() {
    return new RunSummary.Sut("embedded", "http://127.0.0.1:40539", "embedded runtime stand-in at http://127.0.0.1:40539", null);
  }

  private static List<RunSummary.Probes> probes() {
    return List.of(new RunSummary.Probes(null, false, "embedded mode: startup time and memory are measured only for a container",
        null, null, null, null, null));
  }
}
