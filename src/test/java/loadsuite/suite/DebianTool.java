package loadsuite.suite;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from a Debian package that a test runs. Missing, it skips the test with the reason,
 * except on CI (env {@code CI=true}), where a skipped check would pass unnoticed: there it fails.
 */
public record DebianTool(Path program, String debianPackage) {
  public static final DebianTool DISTRIBUTION = new DebianTool(Path.of("/usr/bin/docker-registry"), "docker-registry");
  public static final DebianTool SKOPEO = new DebianTool(Path.of("/usr/bin/skopeo"), "skopeo");
  public static final DebianTool PROMETHEUS = new DebianTool(Path.of("/usr/bin/prometheus"), "prometheus");
  public static final DebianTool PROMTOOL = new DebianTool(Path.of("/usr/bin/promtool"), "prometheus");

  /** The program, or the test skipped (failed on CI) saying which package to install. */
  public String require() {
    if (!Files.isExecutable(program)) {
      String why = program + " is missing: install the Debian package " + debianPackage + " (apt-get install " + debianPackage + ")";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    return program.toString();
  }
}
