package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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
}
