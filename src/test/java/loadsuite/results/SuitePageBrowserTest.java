package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the suite page in headless Chromium, from the file system as a person would, and checks
 * the DOM Chromium built: markup that breaks parsing would lose sections or charts here.
 */
class SuitePageBrowserTest {
  @TempDir
  Path root;

  @Test
  void chromiumShowsEverySimulationAndItsTrends() throws Exception {
    Chromium.require();
    SummaryFixtures.suite(root.resolve("target/gatling"), root.resolve("history"));
    Path page = SuitePage.generate(root.resolve("target/gatling"), root.resolve("history"), root.resolve("target/suite/index.html"));

    String dom = Chromium.dumpDom(page, root);

    assertThat(dom).doesNotContain("id=\"script-error\"").contains("<main id=\"suite\">");
    assertThat(count(dom, "<section class=\"simulation\"")).isEqualTo(3);
    for (String simulation : List.of(SummaryFixtures.USERS, SummaryFixtures.STRESS, SummaryFixtures.SUSTAINED)) {
      assertThat(dom).contains("data-simulation=\"" + simulation + "\"");
    }
    assertThat(count(dom, "<svg class=\"trend\"")).isEqualTo(3 * 6);
    assertThat(count(dom, "<polyline points=")).isEqualTo(3 * 6);
  }

  private static long count(String text, String fragment) {
    return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
  }

  @Test
  void chromiumShowsTheRunsGroupedBySystemWithAVerdictPerSystemAndPerNightlyBuild() throws Exception {
    Chromium.require();
    Path results = root.resolve("target/gatling");
    Path history = root.resolve("history");
    SummaryFixtures.suite(results, history);
    // NebulaGC joined the nightly in its fourth build and passed in both
    String version = "loadsuite.nebulagc.NebulaVersionSimulation";
    for (int day = SummaryFixtures.RUNS - 2; day < SummaryFixtures.RUNS; day++) {
      RunSummary run = SummaryFixtures.passed(version, SummaryFixtures.T0.plus(java.time.Duration.ofDays(day)).plusSeconds(300), 4);
      History.record(run, history, History.KEEP);
      SummaryFixtures.writeRun(results, run);
    }
    Path page = SuitePage.generate(results, history, root.resolve("target/suite/index.html"));

    Document dom = Jsoup.parse(Chromium.dumpDom(page, root));

    assertThat(dom.select("section.system")).extracting(s -> s.attr("data-system")).containsExactly("runtime", "nebulagc");
    Element runtime = dom.selectFirst("section.system[data-system=runtime]");
    assertThat(runtime.attr("data-verdict")).isEqualTo(RunSummary.FAILED);
    assertThat(runtime.select("section.simulation")).extracting(s -> s.attr("data-simulation"))
        .containsExactlyInAnyOrder(SummaryFixtures.USERS, SummaryFixtures.STRESS, SummaryFixtures.SUSTAINED);
    Element nebulagc = dom.selectFirst("section.system[data-system=nebulagc]");
    assertThat(nebulagc.attr("data-verdict")).isEqualTo(RunSummary.PASSED);
    assertThat(nebulagc.select("section.simulation")).extracting(s -> s.attr("data-simulation")).containsExactly(version);

    List<String> headers = dom.select("table.builds th").eachText();
    assertThat(headers).containsExactly("build", "started", "verdict", "runtime", "nebulagc");
    List<List<String>> rows = dom.select("table.builds tbody tr").stream().map(tr -> tr.select("td").eachText()).toList();
    assertThat(rows).extracting(r -> r.get(0)).as("newest first")
        .containsExactly(build(5), build(4), build(3), build(2), build(1));
    assertThat(rows.get(0).subList(2, 5)).as("the last build: the runtime's mixed run failed").containsExactly("failed", "failed", "passed");
    assertThat(rows.get(1).subList(2, 5)).containsExactly("passed", "passed", "passed");
    assertThat(rows.get(4).subList(2, 5)).as("NebulaGC had no run in the first build").containsExactly("passed", "passed", "–");
  }

  private static String build(int day) {
    return SummaryFixtures.build(SummaryFixtures.T0.plus(java.time.Duration.ofDays(day - 1)));
  }
}
