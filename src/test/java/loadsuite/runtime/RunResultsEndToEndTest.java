package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loadsuite.log.SimulationLog;
import loadsuite.merge.PooledSamples;
import loadsuite.suite.GatlingRun;
import loadsuite.results.JUnitReport;
import loadsuite.results.RunPlan;
import loadsuite.results.RunSummary;
import loadsuite.results.SuitePage;
import loadsuite.results.SummaryFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run leaves beside Gatling's report, checked against that report and against a baseline. */
class RunResultsEndToEndTest {
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir Path baselines;

  @Test
  void theSummaryHasTheCountsOfGatlingsReportExactPercentilesAndTheReportCoversTheMeasuredWindow() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RuntimeHandlersSimulation.class, Map.of(), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isZero();
    Path folder = GatlingRun.runFolder(run.output());
    RunSummary summary = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
    Document report = Jsoup.parse(folder.resolve("index.html").toFile());

    assertThat(summary.status()).isEqualTo(RunSummary.PASSED);
    assertThat(summary.sut().mode()).isEqualTo("embedded");
    assertThat(summary.probes()).singleElement().satisfies(probes -> {
      assertThat(probes.measured()).isFalse();
      assertThat(probes.reason()).contains("embedded mode");
    });
    assertThat(report.select(".description").attr("data-content")).startsWith("Measured window only: 5 s planned, from the end of the 2 s warm-up");
    List<Integer> logged = SimulationLog.responseTimes(folder.resolve("simulation.log"));
    assertThat(List.of(summary.global().p50(), summary.global().p95(), summary.global().p99()))
        .as("nearest rank over every response of the log").containsExactly(PooledSamples.nearestRank(logged, 50), PooledSamples.nearestRank(logged, 95), PooledSamples.nearestRank(logged, 99));
    assertSameAsReport(summary.global(), row(report, "All Requests"));
    assertThat(summary.requests()).extracting(RunSummary.RequestStats::name).containsExactlyInAnyOrder("GET /simple", "GET /module", "GET /hooks");
    for (RunSummary.RequestStats request : summary.requests()) {
      assertSameAsReport(request, row(report, request.name()));
    }
    assertThat(summary.goals()).hasSize(5).allSatisfy(goal -> assertThat(goal.met()).isTrue());

    String junit = Files.readString(folder.resolve(JUnitReport.NAME));
    assertThat(junit).contains("<testsuite name=\"loadsuite.runtime.RuntimeHandlersSimulation [smoke]\" tests=\"5\" failures=\"0\"")
        .contains("name=\"p95 of &quot;GET /module&quot; &lt; 500ms\"");
  }

  @Test
  void theSuitePageLinksARunsReportAndARegressionAgainstTheBaselineFailsTheNextRun() throws Exception {
    GatlingRun.Result first = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of(), TIMEOUT_SECONDS);
    assertThat(first.exitCode()).as(first.output()).isZero();
    String folder = GatlingRun.runFolder(first.output()).getFileName().toString();
    // the page is written once Gatling has written the report, as the run's last line says
    assertThat(first.output().indexOf("suite page: ")).isGreaterThan(first.output().indexOf("Reports generated"));
    Document page = Jsoup.parse(SuitePage.PAGE_FILE.toFile());
    assertThat(page.select("a[href$=" + folder + "/index.html]")).as("a link to %s/index.html", folder).isNotEmpty();
    assertThat(page.text()).doesNotContain("no Gatling report in " + folder);

    RunSummary measured = SummaryFiles.read(GatlingRun.runFolder(first.output()).resolve(SummaryFiles.NAME));
    // a baseline no run can match: ten times the throughput, with zero response times
    RunSummary.RequestStats g = measured.global();
    RunSummary.RequestStats impossible = new RunSummary.RequestStats(g.name(), g.group(), g.count() * 10, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        g.windowSeconds(), g.throughput() * 10);
    Path baseline = baselines.resolve("impossible.json");
    SummaryFiles.write(baseline, new RunSummary(measured.simulation(), measured.workload(), measured.profile(), RunSummary.PASSED,
        null, measured.sut(), measured.start(), measured.end(), measured.warmUpSeconds(), measured.measuredSeconds(), measured.planned(),
        measured.achieved(), impossible, List.of(), List.of(), null, measured.probes(), List.of(), List.of(), null, null, null, null));

    GatlingRun.Result second = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of("baseline.file", baseline.toString()), TIMEOUT_SECONDS);
    assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
    assertThat(second.output()).contains("against baseline " + baseline).containsPattern("all requests\\s+throughput .*REGRESSION");
    RunSummary summary = SummaryFiles.read(GatlingRun.runFolder(second.output()).resolve(SummaryFiles.NAME));
    assertThat(summary.status()).isEqualTo(RunSummary.FAILED);
    assertThat(summary.baseline()).anySatisfy(row -> {
      assertThat(row.metric()).isEqualTo("throughput");
      assertThat(row.regression()).isTrue();
      assertThat(row.changePercent()).isCloseTo(-90, org.assertj.core.data.Offset.offset(5.0));
    });
    assertThat(summary.goals()).anySatisfy(goal -> assertThat(goal.origin()).startsWith("baseline ").isNotNull());
  }

  @Test
  void aRunStoppedMidwayLeavesTheFiguresAndTheReportOfWhatItRecordedMarkedIncomplete() throws Exception {
    // 200/s: Gatling writes its log 8 KiB at a time, which these seconds fill several times over
    Path folder = GatlingRun.stopMidway(RuntimeSustainedSimulation.class,
        Map.of("runtime.sustained.duration", "60s", "runtime.sustained.rate", "200/s"), 8);
    RunSummary summary = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
    assertThat(summary.status()).isEqualTo(RunSummary.INCOMPLETE);
    assertThat(RunPlan.read(folder).workloadSent().path()).as("the folder says what the run was").isEqualTo("runtime.sustained");
    assertThat(summary.reason()).contains("ended before its results were read").contains("recorded up to the stop");
    assertThat(summary.global().count()).as("requests read from the truncated simulation.log").isPositive();
    assertThat(summary.requests()).extracting(RunSummary.RequestStats::name).containsExactly("GET /simple");
    assertThat(summary.schedule().lag().count()).isPositive();
    assertThat(summary.schedule().global().count()).isPositive();
    assertThat(summary.generator().samples()).isPositive();
    assertThat(folder.resolve("index.html")).as("Gatling's report of the stopped run").isRegularFile();
    assertThat(Files.readString(folder.resolve(JUnitReport.NAME))).contains("failures=\"1\"").contains("the run is incomplete");
  }

  private static Element row(Document report, String name) {
    return report.select("tr").stream()
        .filter(tr -> tr.selectFirst(".ellipsed-name") != null && tr.selectFirst(".ellipsed-name").text().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in Gatling's report"));
  }

  /** Counts, min, max and mean are exact in Gatling's report too; its percentiles are t-digest estimates, the summary's exact. */
  private static void assertSameAsReport(RunSummary.RequestStats stats, Element row) {
    int[] report = row.select("td.value").stream().mapToInt(td -> (int) Math.round(Double.parseDouble(td.text()))).toArray();
    // columns: total, ok, ko, % ko, cnt/s, min, p50, p75, p95, p99, max, mean, std dev
    assertThat(new long[] {stats.count(), stats.failed(), stats.min(), stats.max(), stats.mean()})
        .as(stats.path())
        .containsExactly(report[0], report[2], report[5], report[10], report[11]);
  }
}
