package loadsuite.results;

import static loadsuite.results.SummaryFixtures.RUNS;
import static loadsuite.results.SummaryFixtures.STRESS;
import static loadsuite.results.SummaryFixtures.SUSTAINED;
import static loadsuite.results.SummaryFixtures.T0;
import static loadsuite.results.SummaryFixtures.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuitePageTest {
  private static final Pattern SECTION = Pattern.compile("<section class=\"simulation\"[^>]* data-simulation=\"([^\"]*)\".*?</section>", Pattern.DOTALL);

  @TempDir
  Path root;
  private Path results;
  private Path history;
  private Path pageFile;

  @BeforeEach
  void paths() {
    results = root.resolve("target/gatling");
    history = root.resolve("history");
    pageFile = root.resolve("target/suite/index.html");
  }

  private String generate() throws IOException {
    return Files.readString(SuitePage.generate(results, history, pageFile));
  }

  private String suitePage() throws IOException {
    SummaryFixtures.suite(results, history);
    return generate();
  }

  @Test
  void everySimulationHasOneSectionFailuresFirst() throws IOException {
    String page = suitePage();
    assertThat(page).contains("<main id=\"suite\">", "3 simulations: 1 failed, 1 incomplete, 1 passed");
    assertThat(SECTION.matcher(page).results().map(m -> m.group(1))).containsExactly(USERS, SUSTAINED, STRESS);
  }

  @Test
  void thePageLoadsNothingFromElsewhere() throws IOException {
    assertThat(suitePage()).doesNotContain(" src=", "<link", "@import", "url(");
  }

  @Test
  void aSimulationShowsItsNewestRun() throws IOException {
    String users = section(suitePage(), USERS);
    assertThat(users).contains("data-status=\"failed\"", "<span class=\"badge failed\">failed</span>",
            "<dt>started</dt><dd>2026-11-24 08:00:00 UTC", "runtimemixedsimulation-20261124080000000/index.html")
        .doesNotContain("runtimemixedsimulation-20261123080000000");
  }

  @Test
  void aMissedGoalIsMarkedWithItsMessage() throws IOException {
    String users = section(suitePage(), USERS);
    assertThat(users).contains("<tr class=\"missed\"><td>p95 of &quot;GET /users/{id}&quot; &lt; 20ms</td><td><b>missed</b></td>"
        + "<td>p95 of &quot;GET /users/{id}&quot; was 31 ms; goal &lt; 20ms</td>");
  }

  @Test
  void textFromTheSummariesIsEscaped() throws IOException {
    RunSummary hostile = SummaryFixtures.summary("loadsuite.x.Sim\"<b>", T0, RunSummary.FAILED, 5,
        List.of(SummaryFixtures.goal("p95 of \"<script>alert(1)</script>\" < 20ms", 5, false)), "knee: <none> & \"nothing\"", List.of());
    SummaryFixtures.writeRun(results, hostile);
    String page = generate();
    assertThat(page).doesNotContain("<script", "<b>\"", "<none>")
        .contains("data-simulation=\"loadsuite.x.Sim&quot;&lt;b&gt;\"", "&lt;script&gt;alert(1)&lt;/script&gt;",
            "knee: &lt;none&gt; &amp; &quot;nothing&quot;", "<td>writes / POST /users</td>");
  }

  @Test
  void anIncompleteRunShowsWhyAndHasNoReportLink() throws IOException {
    String sustained = section(suitePage(), SUSTAINED);
    assertThat(sustained).contains("<p class=\"reason\">Incomplete: the system under test did not answer at "
        + "&quot;http://127.0.0.1:3000&quot;: &lt;connection refused&gt;</p>", "no Gatling report in", "No statistics")
        .doesNotContain("href=");
  }

  @Test
  void linksAreRelativeAndPointAtTheRunsReports() throws IOException {
    String page = suitePage();
    List<String> links = Pattern.compile("href=\"([^\"#][^\"]*)\"").matcher(page).results().map(m -> m.group(1)).toList();
    // overview and section link to the reports of the two runs that have one
    assertThat(links).hasSize(4).allSatisfy(link -> {
      assertThat(URI.create(link).isAbsolute()).as(link).isFalse();
      assertThat(link).startsWith("../gatling/").endsWith("/index.html");
      assertThat(pageFile.getParent().resolve(URI.create(link).getPath()).normalize()).isRegularFile();
    });
    assertThat(section(page, USERS)).contains("href=\"../gatling/runtimemixedsimulation-20261124080000000/index.html\"");
  }

  @Test
  void theBaselineComparisonIsShownWhenThereIsOne() throws IOException {
    String page = suitePage();
    assertThat(section(page, USERS)).contains("Against the baseline",
        "<tr class=\"regression\"><td>GET /users/{id}</td><td>p95</td><td>14</td><td>31</td><td>+121.4 %</td><td><b>regression</b></td></tr>");
    assertThat(section(page, STRESS)).doesNotContain("Against the baseline");
  }

  @Test
  void theKneeAndTheRequestsAreShown() throws IOException {
    String stress = section(suitePage(), STRESS);
    assertThat(stress).contains("<dt>knee</dt><dd>knee: 400/s (goal at least 300/s); missed at 500/s: p95 of &quot;level 500/s / GET /simple&quot;",
        "<tr class=\"global\"><td>all requests</td><td>980</td><td>0.92 %</td><td>6 ms</td><td>20 ms</td><td>40 ms</td><td>60 ms</td><td>196.0/s</td></tr>",
        "<td>GET /users/{id}</td>", "planned 1000 iterations = 200.0/s; achieved 980 = 196.0/s (98.0 % of planned)");
  }

  @Test
  void aHeldGoalShowsItsShareAndItsStripOfSeconds() {
    RunSummary run = SummaryFixtures.summary("loadsuite.x.HeldSimulation", T0, RunSummary.FAILED, 5, List.of(), null, List.of());
    RunSummary.HeldGoal held = new RunSummary.HeldGoal("p99 of all requests < 100ms held in at least 99% of the seconds", "all requests",
        "p99", "99%", 75, false, "p99 < 100ms of all requests held in 75.0 % of the 4 measured seconds (3); goal at least 99%", "1101");
    RunSummary withHeld = new RunSummary(run.simulation(), run.workload(), run.profile(), run.status(), run.reason(), run.sut(), run.start(),
        run.end(), run.warmUpSeconds(), run.measuredSeconds(), run.planned(), run.achieved(), run.global(), run.requests(), run.goals(),
        run.knee(), run.probes(), run.baseline(), run.transfers(), run.schedule(), run.generator(), run.build(), List.of(held));
    assertThat(SimulationSection.html(new StoredSummary(Path.of("summary.json"), withHeld, T0), null, List.of()))
        .contains("<tr class=\"missed\"><td>p99 of all requests &lt; 100ms held in at least 99% of the seconds</td><td>75.0 % of 4 s</td>"
            + "<td><span class=\"strip\" title=\"one cell a second\"><i class=\"held\" title=\"s 0\"></i><i class=\"held\" title=\"s 1\"></i>"
            + "<i class=\"not\" title=\"s 2\"></i><i class=\"held\" title=\"s 3\"></i></span></td></tr>");
  }

  @Test
  void aRunWhoseFiguresMeasureTheGeneratorSaysSoAndWhy() throws IOException {
    String page = suitePage();
    assertThat(section(page, USERS)).contains("<p class=\"reason generator-bound\">THE FIGURES MEASURE THE LOAD GENERATOR, NOT THE SYSTEM:",
        "CPU was saturated: 97 %", "<dt>load generator</dt>");
    assertThat(section(page, STRESS)).doesNotContain("generator-bound").contains("<dt>schedule</dt>", "schedule lag of 1000 iterations",
        "latency from the intended send time");
  }

  @Test
  void eachKeyFigureIsATrendWithAPointPerStoredRun() throws IOException {
    String stress = section(suitePage(), STRESS);
    List<String> charts = Pattern.compile("<svg class=\"trend\".*?</svg>", Pattern.DOTALL).matcher(stress).results().map(MatchResult::group).toList();
    assertThat(charts).hasSize(6).allSatisfy(svg -> {
      assertThat(polylinePoints(svg)).hasSize(RUNS);
      assertThat(svg).contains("max ", "min ");
    });
    assertThat(charts.get(0)).contains("data-figure=\"global p95\"", "max 20 ms", "min 12 ms");
    assertThat(stress).contains(RUNS + " stored runs, newest first");
  }

  @Test
  void aRunWithoutStatisticsLeavesAGapInTheTrend() throws IOException {
    String sustained = section(suitePage(), SUSTAINED);
    Matcher p95 = Pattern.compile("<svg class=\"trend\" data-figure=\"global p95\".*?</svg>", Pattern.DOTALL).matcher(sustained);
    assertThat(p95.find()).isTrue();
    assertThat(polylinePoints(p95.group())).hasSize(RUNS - 1);
  }

  @Test
  void withoutSummariesThePageSaysSo() throws IOException {
    assertThat(generate()).contains("<main id=\"suite\">", "No summary.json was found").doesNotContain("<section");
  }

  @Test
  void aCorruptSummaryIsSkipped() throws IOException {
    SummaryFixtures.suite(results, history);
    Files.createDirectories(results.resolve("broken-1"));
    Files.writeString(results.resolve("broken-1").resolve(SummaryFiles.NAME), "{ not json");
    assertThat(SECTION.matcher(generate()).results()).hasSize(3);
  }

  private static String section(String page, String simulation) {
    return SECTION.matcher(page).results().filter(m -> m.group(1).equals(simulation)).map(MatchResult::group).findFirst().orElseThrow();
  }

  private static List<String> polylinePoints(String svg) {
    Matcher points = Pattern.compile("<polyline points=\"([^\"]*)\"").matcher(svg);
    return points.find() ? List.of(points.group(1).split(" ")) : List.of();
  }
}
