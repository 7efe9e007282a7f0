package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Headless Chromium (Debian package chromium) for the tests that open a page as a person would. */
public final class Chromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 60;

  private Chromium() {}

  /** Skips the test without Chromium, with the reason; fails it in CI ({@code CI=true}). */
  public static void require() {
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
  public static String dumpDom(Path page, Path root) throws IOException, InterruptedException {
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

}
