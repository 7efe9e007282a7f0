package loadsuite.packs.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program: its options from the environment, its exit status on a bad one, and that it runs
 * from what its container image holds (loadsuite/standin, loadsuite/packs/standin and the jars).
 */
class PacksMainTest {
  /** The dependencies of the stand-ins' images, written by the build (pom.xml, stand-in-classpath). */
  private static final Path IMAGE_JARS = Path.of("target/stand-in.classpath");

  @Test
  void noVariablesGiveTheDefaults() {
    assertThat(PacksStandIn.Options.fromEnvironment(Map.of())).isEqualTo(PacksStandIn.Options.defaults());
  }

  @Test
  void everyVariableIsRead() {
    PacksStandIn.Options options = PacksStandIn.Options.fromEnvironment(Map.of(
        "PACKS_REGISTRY_SIZE", "250",
        "PACKS_SEED", "-42",
        "PACKS_CONTENT_MIX", "minimal=3, medium=1",
        "PACKS_CACHE_SIZE", "0",
        "PACKS_CACHE_TTL_SECONDS", "30",
        "PACKS_DATABASE", "/tmp/packs.db",
        "PACKS_PUBLISH_INTERVAL_MS", "250"));

    assertThat(options).isEqualTo(new PacksStandIn.Options(250, -42, new ContentMix(3, 1, 0, 0), 0,
        Duration.ofSeconds(30), Path.of("/tmp/packs.db"), Duration.ofMillis(250)));
  }

  @Test
  void aBadValueNamesItsVariable() {
    for (Map.Entry<String, String> bad : List.of(Map.entry("PACKS_REGISTRY_SIZE", "0"),
        Map.entry("PACKS_REGISTRY_SIZE", "lots"), Map.entry("PACKS_SEED", "1.5"),
        Map.entry("PACKS_CONTENT_MIX", "tiny=1"), Map.entry("PACKS_CONTENT_MIX", "minimal=0"),
        Map.entry("PACKS_CONTENT_MIX", "minimal"), Map.entry("PACKS_CACHE_SIZE", "-1"),
        Map.entry("PACKS_CACHE_TTL_SECONDS", "86401"), Map.entry("PACKS_PUBLISH_INTERVAL_MS", "-1"),
        Map.entry("PACKS_PUBLISH_INTERVAL_MS", "3600001"))) {
      assertThatThrownBy(() -> PacksStandIn.Options.fromEnvironment(Map.ofEntries(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad.getKey());
    }
  }

  @Test
  void aBadVariableEndsTheProgramWith64(@TempDir Path dir) throws Exception {
    Process program = program(dir, Map.of("PACKS_REGISTRY_SIZE", "many"));

    assertThat(program.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(program.exitValue()).isEqualTo(64);
    assertThat(new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("PACKS_REGISTRY_SIZE='many'");
  }

  @Test
  void theProgramRunsFromTheImageContentsAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path database = dir.resolve("packs.db");
    Process program = program(dir, Map.of("PACKS_REGISTRY_SIZE", "20", "PACKS_DATABASE", database.toString()));
    try {
      BufferedReader output = new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8));
      String ready = null;
      // Undertow's and XNIO's log lines come first; the stream ends if the program dies
      for (String line; ready == null && (line = output.readLine()) != null; ) {
        ready = line.endsWith(" ready") ? line : null;
      }
      assertThat(ready).matches("packs stand-in at http://127\\.0\\.0\\.1:\\d+, 20 packs ready");
      String baseUrl = ready.substring("packs stand-in at ".length(), ready.indexOf(','));
      assertThat(new PacksTestClient(baseUrl).get("/ready").statusCode()).isEqualTo(200);
      assertThat(PacksTestClient.json(new PacksTestClient(baseUrl).get("/index.json")).get("packs").size()).isEqualTo(20);
    } finally {
      program.destroy();
    }
    assertThat(program.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(database).exists();
  }

  /** The stand-in's main in a JVM of its own, on the image's class path (copied into {@code dir}), with {@code env}. */
  private static Process program(Path dir, Map<String, String> env) throws IOException {
    Path classes = classesDirectory();
    Path image = dir.resolve("image");
    for (String folder : List.of("loadsuite/standin", "loadsuite/packs/standin")) {
      copyTree(classes.resolve(folder), image.resolve(folder));
    }
    String classPath = image + java.io.File.pathSeparator + Files.readString(IMAGE_JARS).strip();
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, PacksStandIn.class.getName(), "127.0.0.1", "0").redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Path classesDirectory() {
    try {
      return Path.of(PacksStandIn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
