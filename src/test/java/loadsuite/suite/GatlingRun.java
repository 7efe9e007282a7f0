package loadsuite.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loadsuite.config.DroppedOverrides;

/**
 * Runs one simulation the way {@code ./mvnw gatling:test} does: a forked JVM with Gatling's own
 * JVM options, the test classpath, {@code -D} properties and results under target/gatling.
 */
public final class GatlingRun {
  /** Test runs neither compare with nor add to the baselines and history of the working copy. */
  private static final Map<String, String> TEST_DEFAULTS = Map.of(
      "baseline.file", "none", "history.dir", Path.of("target", "test-history").toString());

  /** What the run printed and how it ended: 0 passed, 2 a goal was missed, anything else a crash. */
  public record Result(int exitCode, String output) {
    /** Ran against {@code sutDescription}, printed the run report of {@code workloadPath}, wrote Gatling's report, met every goal. */
    public void assertMetEveryGoal(String sutDescription, String workloadPath) {
      org.assertj.core.api.Assertions.assertThat(output)
          .contains("against " + sutDescription)
          .contains("---- " + workloadPath)
          .contains("Reports generated")
          .doesNotContain(": false (actual")
          .doesNotContain("Goal missed:");
      org.assertj.core.api.Assertions.assertThat(exitCode).as(output).isZero();
    }
  }

  private GatlingRun() {}

  public static Result run(Class<?> simulation, Map<String, String> properties, long timeoutSeconds)
      throws IOException, InterruptedException {
    return run(simulation, properties, Map.of(), timeoutSeconds);
  }

  /** As {@link #run(Class, Map, long)}, with environment variables set ({@code null} removes one). */
  public static Result run(Class<?> simulation, Map<String, String> properties, Map<String, String> environment, long timeoutSeconds)
      throws IOException, InterruptedException {
    Started started = start(simulation, properties, environment);
    if (!started.process().waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      started.process().destroyForcibly().waitFor();
      throw new AssertionError(simulation.getSimpleName() + " did not end within " + timeoutSeconds + " s; its output: " + started.log());
    }
    return new Result(started.process().exitValue(), Files.readString(started.log()));
  }

  /** A run under way, writing its output to {@code log}. */
  public record Started(Process process, Path log) {}

  public static Started start(Class<?> simulation, Map<String, String> properties) throws IOException {
    return start(simulation, properties, Map.of());
  }

  /**
   * As {@link #start(Class, Map)}, from another working directory, which gets its own target/gatling
   * as another machine would (the project's targets.conf still applies).
   */
  public static Started startIn(Path directory, Class<?> simulation, Map<String, String> properties) throws IOException {
    Map<String, String> withTargets = new java.util.HashMap<>(properties);
    withTargets.putIfAbsent("targets", Path.of("targets.conf").toAbsolutePath().toString());
    return start(simulation, withTargets, Map.of(), Files.createDirectories(directory));
  }

  /** The command line that runs {@code simulation} with {@code properties} (over the tests' defaults). */
  public static List<String> command(Class<?> simulation, Map<String, String> properties) {
    Map<String, String> all = new java.util.TreeMap<>(TEST_DEFAULTS);
    all.putAll(properties);
    return GatlingFork.command(simulation.getName(), all, System.getProperty("java.class.path"));
  }

  private static Started start(Class<?> simulation, Map<String, String> properties, Map<String, String> environment) throws IOException {
    return start(simulation, properties, environment, Path.of(""));
  }

  private static Started start(Class<?> simulation, Map<String, String> properties, Map<String, String> environment, Path directory)
      throws IOException {
    List<String> command = command(simulation, properties);
    Path log = Files.createDirectories(Path.of("target", "gatling-runs")).resolve(simulation.getSimpleName() + "-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    // the Maven command line that ran the tests is not this run's: its -D options were not meant for it
    builder.environment().remove(DroppedOverrides.MAVEN_ARGS);
    environment.forEach((name, value) -> {
      if (value == null) {
        builder.environment().remove(name);
      } else {
        builder.environment().put(name, value);
      }
    });
    return new Started(builder.start(), log);
  }

  /**
   * Starts the simulation, stops it with SIGTERM (as a CI time-out or Ctrl-C does) {@code seconds}
   * after Gatling started it, and gives the folder of the stopped run once its JVM has ended.
   */
  public static Path stopMidway(Class<?> simulation, Map<String, String> properties, long seconds)
      throws IOException, InterruptedException {
    Started started = start(simulation, properties);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(started.log()).contains("Simulation " + simulation.getName() + " started")) {
      if (System.nanoTime() > deadline || !started.process().isAlive()) {
        started.process().destroyForcibly();
        throw new AssertionError("the run did not start: " + Files.readString(started.log()));
      }
      Thread.sleep(200);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    started.process().destroy();
    if (!started.process().waitFor(60, TimeUnit.SECONDS)) {
      started.process().destroyForcibly();
      throw new AssertionError("the stopped run's JVM did not end within 60 s");
    }
    // the run's own folder, as it printed it: the same simulation may be running beside it
    String output = Files.readString(started.log());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Gatling's report of the stopped run: (file:\\S+)/index\\.html").matcher(output);
    if (!m.find()) {
      throw new AssertionError("the stopped run named no report of its own:\n" + output);
    }
    return Path.of(java.net.URI.create(m.group(1)));
  }

  /** The run folder Gatling named in its output ("please open the following file: file:///…/index.html"). */
  public static Path runFolder(String output) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("please open the following file: file://(\\S+)/index\\.html").matcher(output);
    if (!m.find()) {
      throw new AssertionError("no report path in the run's output:\n" + output);
    }
    return Path.of(m.group(1));
  }
}
