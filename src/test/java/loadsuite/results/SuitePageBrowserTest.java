package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the suite page in headless Chromium, from the file system as a person would, and checks
 * the DOM Chromium built: markup that breaks parsing would lose sections or charts here.
 */
class SuitePageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir
  Path root;

  @Test
  void chromiumShowsEverySimulationAndItsTrends() throws Exception {
    requireChromium();
    SummaryFixtures.suite(root.resolve("target/gatling"), root.resolve("history"));
    Path page = SuitePage.generate(root.resolve("target/gatling"), root.resolve("history"), root.resolve("target/suite/index.html"));

    String dom = dumpDom(page);

    assertThat(dom).doesNotContain("id=\"script-error\"").contains("<main id=\"suite\">");
    assertThat(count(dom, "<section class=\"simulation\"")).isEqualTo(3);
    for (String simulation : List.of(SummaryFixtures.USERS, SummaryFixtures.STRESS, SummaryFixtures.SUSTAINED)) {
      assertThat(dom).contains("data-simulation=\"" + simulation + "\"");
    }
    assertThat(count(dom, "<svg class=\"trend\"")).isEqualTo(3 * 6);
    assertThat(count(dom, "<polyline points=")).isEqualTo(3 * 6);
  }

  private static void requireChromium() {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    String missing = CHROMIUM + " is missing: install the Debian package chromium (apt-get install chromium) to test the suite page in a browser";
    if ("true".equals(System.getenv("CI"))) {
      fail(missing);
    }
    System.err.println("skipped: " + missing);
    Assumptions.abort(missing);
  }

  /** The page's DOM after loading, as Chromium serialises it; no network: the page loads nothing. */
  private String dumpDom(Path page) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(root.resolve("chromium-profile"));
    Path dom = root.resolve("dom.html");
    Path log = root.resolve("chromium.log");
    Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // a safety net: any host name Chromium would resolve for itself fails
        "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
        .redirectOutput(dom.toFile())
        .redirectError(log.toFile())
        .start();
    if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      chromium.descendants().forEach(ProcessHandle::destroyForcibly);
      chromium.destroyForcibly();
      fail("Chromium did not render the page within %d s:%n%s", TIMEOUT_SECONDS, Files.readString(log));
    }
    assertThat(chromium.exitValue()).as("Chromium's exit code; its log:%n%s", Files.readString(log)).isZero();
    return Files.readString(dom);
  }

  private static long count(String text, String fragment) {
    return Pattern.compile(Pattern.quote(fragment)).matcher(text).results().count();
  }
}
