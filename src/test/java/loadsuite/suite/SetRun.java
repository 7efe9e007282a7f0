package loadsuite.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.results.BuildTag;
import loadsuite.results.JUnitReport;
import loadsuite.results.RunSummary;
import loadsuite.results.SetVerdicts;
import loadsuite.system.SystemCatalog;

/**
 * A set of simulations from one command ({@code ./mvnw -q test-compile exec:java@set}, see
 * {@link SimulationSet} for how it is named): every simulation's configuration is checked before any
 * of them sends load, then each runs in its own JVM as {@code gatling:test} forks it, one after the
 * other, each whatever the last one's verdict; at the end one table from the runs' summary.json
 * files and one verdict: exit 0 only when every simulation met every goal, 2 otherwise, 3 when bad
 * input stopped the set before any load. It also writes the JUnit report of each system of the build.
 */
public final class SetRun {
  /** One test suite per system of the build (or of the set), for Jenkins' junit step. */
  public static final Path JUNIT_FOLDER = Path.of("target", "suite", "junit");
  private static final int GOAL_MISSED = 2;

  private SetRun() {}

  public static void main(String[] args) {
    System.exit(run(System.getProperties(), classpath()));
  }

  static int run(Properties properties, String classpath) {
    List<String> set;
    try {
      set = checked(properties);
    } catch (TargetsException e) {
      System.err.println("\nSTOPPED BEFORE ANY LOAD WAS SENT: " + e.getMessage() + "\n");
      return SuiteSimulation.STOPPED_BEFORE_LOAD;
    }
    System.out.println(SetPlan.render(Suite.targets(), set));
    Map<String, String> options = runOptions(properties);
    List<SetVerdicts.Row> rows = new ArrayList<>();
    for (String simulation : set) {
      Instant start = Instant.now();
      int exitCode = fork(simulation, options, classpath);
      rows.add(SetVerdicts.row(simulation, SetVerdicts.runSince(GatlingFork.RESULTS, simulation, start), exitCode,
          SuiteSimulation.STOPPED_BEFORE_LOAD));
    }
    writeJUnit(rows);
    System.out.println();
    System.out.print(SetVerdicts.table(rows));
    return rows.stream().allMatch(SetVerdicts.Row::passed) ? 0 : GOAL_MISSED;
  }

  /**
   * The set, each simulation's configuration checked as its own run would check it before any load:
   * the whole profile (targets.conf and the options), the simulation's workload and its system's
   * {@code sut} settings.
   */
  static List<String> checked(Properties properties) {
    Targets targets = Suite.targets();
    List<String> set = SimulationSet.resolve(properties, () -> targets);
    for (String simulation : set) {
      PlannedRun.of(targets, simulation);
      SystemsUnderTest.check(targets.sut(), SystemCatalog.ofSimulation(simulation).orElseThrow());
    }
    return set;
  }

  /** The suite's options given to this command, for each run: those of targets.conf (its keys, the file, overrides) and the build. */
  static Map<String, String> runOptions(Properties properties) {
    Map<String, String> options = new TreeMap<>(Suite.options(properties));
    Optional.ofNullable(properties.getProperty(BuildTag.PROPERTY)).ifPresent(build -> options.put(BuildTag.PROPERTY, build));
    return options;
  }

  private static int fork(String simulation, Map<String, String> options, String classpath) {
    System.out.printf("%n==== %s%n", simulation);
    try {
      return new ProcessBuilder(GatlingFork.command(simulation, options, classpath)).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the run of " + simulation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the run of " + simulation, e);
    }
  }

  /**
   * target/suite/junit/&lt;system&gt;.xml for each system with runs: with a build ({@code -Dbuild}, Jenkins'
   * BUILD_TAG), every run of that build in target/gatling (a nightly's and its soak's together),
   * else this set's runs.
   */
  private static void writeJUnit(List<SetVerdicts.Row> rows) {
    String build = BuildTag.current();
    List<RunSummary> runs = build == null
        ? rows.stream().map(SetVerdicts.Row::summary).filter(java.util.Objects::nonNull).toList()
        : SetVerdicts.runsOfBuild(GatlingFork.RESULTS, build);
    try {
      if (Files.isDirectory(JUNIT_FOLDER)) {
        try (var old = Files.list(JUNIT_FOLDER)) {
          for (Path file : old.toList()) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + JUNIT_FOLDER, e);
    }
    runs.stream().collect(Collectors.groupingBy(r -> SystemCatalog.ofSimulation(r.simulation()).map(s -> s.name()).orElse("other"),
            TreeMap::new, Collectors.toList()))
        .forEach((system, ofSystem) -> JUnitReport.writeSystem(JUNIT_FOLDER.resolve(system + ".xml"), system, build, ofSystem));
  }

  /** The test classpath: exec:java's class loader holds it (Maven's own JVM has another java.class.path). */
  private static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      return Arrays.stream(loader.getURLs()).map(url -> Path.of(java.net.URI.create(url.toString())).toString())
          .collect(Collectors.joining(java.io.File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }
}
