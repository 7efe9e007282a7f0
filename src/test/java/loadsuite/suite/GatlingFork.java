package loadsuite.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The command line of one simulation's run as {@code ./mvnw gatling:test} forks it: Gatling's own
 * JVM options, the suite's (src/test/resources/gatling-jvm.args), {@code -D} properties, the test
 * classpath, and results under target/gatling.
 */
final class GatlingFork {
  /** The JVM options the Gatling Maven plugin gives its fork. */
  private static final List<String> GATLING_JVM_OPTIONS = List.of(
      "-server", "-Xmx1G", "-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
  /** The suite's own JVM options, which pom.xml gives the plugin's fork after those (its jvmArgs): the same file. */
  private static final Path SUITE_JVM_OPTIONS = Path.of("src", "test", "resources", "gatling-jvm.args");
  /** Where Gatling writes a folder per run (the Maven plugin's default). */
  static final Path RESULTS = Path.of("target", "gatling");

  private GatlingFork() {}

  static List<String> command(String simulation, Map<String, String> properties, String classpath) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(GATLING_JVM_OPTIONS);
    if (!Files.isRegularFile(SUITE_JVM_OPTIONS)) {
      throw new IllegalStateException(SUITE_JVM_OPTIONS.toAbsolutePath() + " is missing: runs start from the project's folder");
    }
    command.add("@" + SUITE_JVM_OPTIONS.toAbsolutePath());
    new TreeMap<>(properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling", "-s", simulation, "-rf", RESULTS.toString()));
    return command;
  }
}
