package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.merge.MergeException;
import loadsuite.merge.PooledSamples;
import loadsuite.merge.RunMerge;
import loadsuite.log.SimulationLog;
import loadsuite.results.Chromium;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.runtime.standin.RuntimeStandIn;
import loadsuite.suite.GatlingRun;
import loadsuite.suite.SuiteSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two injector JVMs at once against one stand-in on loopback (external mode), each sending half of
 * a smoke workload (sustained, stress) from a shared start, merged into one run as {@code exec:java@merge} does.
 *
 * <p>Beside the other test classes (src/test/resources/junit-platform.properties): most of its time
 * is the injectors' idle wait for their shared start; its own tests one after the other.
 */
@Execution(ExecutionMode.CONCURRENT)
class RuntimeInjectorsEndToEndTest {
  private static final long TIMEOUT_SECONDS = 240;
  /** Far enough ahead for both JVMs to start and prepare on a busy 2-core machine. */
  private static final long START_DELAY_MS = 45_000;

  @TempDir
  Path root;

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void twoInjectorsMergeIntoOneRunJudgedAtFullScale() throws Exception {
    try (RuntimeStandIn server = RuntimeStandIn.start("127.0.0.1", 0)) {
      List<Path> folders = runInjectors(RuntimeSustainedSimulation.class, server);
      List<RunSummary> halves = summaries(folders);
      // the wait for the shared start is no part of the run: one sample a second, fewer than the wait's seconds
      assertThat(halves).allSatisfy(half -> assertThat(half.generator().samples()).isLessThan((int) (START_DELAY_MS / 1000)));
      Path report = mergedReport(folders);
      RunSummary whole = SummaryFiles.read(report.resolveSibling(SummaryFiles.NAME));
      assertThat(whole.global().count()).isEqualTo(halves.get(0).global().count() + halves.get(1).global().count());
      assertThat(whole.global().failed()).isEqualTo(halves.get(0).global().failed() + halves.get(1).global().failed());
      assertThat(whole.achieved().iterations()).isEqualTo(halves.get(0).achieved().iterations() + halves.get(1).achieved().iterations());
      assertThat(whole.planned().iterations()).isBetween(halves.get(0).planned().iterations() + halves.get(1).planned().iterations() - 2,
          halves.get(0).planned().iterations() + halves.get(1).planned().iterations() + 2);
      assertThat(whole.global().max()).isEqualTo(Math.max(halves.get(0).global().max(), halves.get(1).global().max()));
      assertThat(whole.global().min()).isEqualTo(Math.min(halves.get(0).global().min(), halves.get(1).global().min()));
      List<Integer> pooled = new ArrayList<>();
      folders.forEach(folder -> pooled.addAll(SimulationLog.responseTimes(folder.resolve("simulation.log"))));
      assertThat(pooled).hasSize((int) whole.global().count());
      PooledSamples.assertPercentilesOf(pooled, whole.global().p50(), whole.global().p95(), whole.global().p99());
      assertThat(Files.isRegularFile(report.resolveSibling("junit.xml"))).isTrue();
      assertThat(whole.goals()).isNotEmpty().allMatch(RunSummary.GoalResult::met);

      Chromium.require();
      String dom = Chromium.dumpDom(report, root);
      assertThat(dom).contains("GET /simple").contains(Long.toString(whole.global().count()));

      // input the merge cannot take: one line naming the problem and the fix, nothing merged
      assertThatThrownBy(() -> RunMerge.merge(List.of(folders.get(0)), root)).isInstanceOf(MergeException.class)
          .hasMessageContaining("injector 2/2 is missing").hasMessageContaining("give the run folder of each of the 2 injectors once");
      assertThatThrownBy(() -> RunMerge.merge(List.of(folders.get(0), root), root)).isInstanceOf(MergeException.class)
          .hasMessageContaining(root + " is not a finished run");
      GatlingRun.Result otherOptions = merge(folders, Map.of("runtime.sustained.rate", "100/s"));
      assertThat(otherOptions.exitCode()).as(otherOptions.output()).isEqualTo(3);
      assertThat(otherOptions.output()).contains("NOTHING MERGED: -Druntime.sustained.rate: the merge judges the workload the injectors ran");

      // twice the planned rate: impossible for the whole run, which each injector's own share did not ask
      GatlingRun.Result missed = merge(folders, Map.of("runtime.sustained.goals.global.throughput", "100/s"));
      assertThat(missed.exitCode()).as(missed.output()).isEqualTo(2);
      assertThat(missed.output()).contains("MISSED: throughput of all requests was");
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void twoInjectorsShareAStressStaircaseThatMergesLevelByLevel() throws Exception {
    try (RuntimeStandIn server = RuntimeStandIn.start("127.0.0.1", 0)) {
      List<Path> folders = runInjectors(RuntimeStressSimulation.class, server);
      List<RunSummary> halves = summaries(folders);
      RunSummary whole = SummaryFiles.read(mergedReport(folders).resolveSibling(SummaryFiles.NAME));
      // each injector's levels carry the whole run's names; the merged level rows are the sums of theirs
      List<String> levels = List.of("level 20/s", "level 60/s", "level 100/s");
      for (String level : levels) {
        long sum = halves.stream().mapToLong(half -> rowOf(half, level).count()).sum();
        assertThat(rowOf(whole, level).count()).as(level).isEqualTo(sum).isPositive();
        assertThat(rowOf(whole, level).windowSeconds()).as(level).isEqualTo(2.0);
      }
      assertThat(whole.goals()).extracting(RunSummary.GoalResult::scope)
          .contains("level 20/s / GET /simple", "level 60/s / GET /simple");
      assertThat(whole.goals()).allMatch(RunSummary.GoalResult::met);
      assertThat(whole.knee()).startsWith("knee: at least 100/s");

      // a level rate the whole run cannot reach (twice the last level's) misses the knee and fails the merge
      GatlingRun.Result missed = merge(folders, Map.of("runtime.stress.goals.global.throughput", "200/s"));
      assertThat(missed.exitCode()).as(missed.output()).isEqualTo(2);
      assertThat(missed.output()).contains("MISSED: throughput of").contains("level 20/s / GET /simple").contains("knee: none");
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  void aShareOfLessThanOneConnectionStopsBeforeAnyLoad() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of("profile", "smoke", "injector", "1/20"), 120);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(run.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: runtime.sustained has 10 connections, fewer than the 20 injectors");
  }

  /** Runs two injectors of the simulation at once, each in a folder of its own from a shared start, and returns their run folders. */
  private static List<Path> runInjectors(Class<?> simulation, RuntimeStandIn server) throws Exception {
    String startAt = Long.toString(System.currentTimeMillis() + START_DELAY_MS);
    List<GatlingRun.Started> injectors = new ArrayList<>();
    for (int i = 1; i <= 2; i++) {
      // as on a machine of its own: Gatling names run folders by their start, which the shared start makes equal
      injectors.add(GatlingRun.startIn(Path.of("target", "injectors", "machine-" + i), simulation, Map.of(
          "profile", "smoke", "sut.mode", "external", "sut.url", server.baseUrl(), "injector", i + "/2", "injector.start-at", startAt)));
    }
    List<Path> folders = new ArrayList<>();
    for (GatlingRun.Started injector : injectors) {
      assertThat(injector.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(injector.log());
      assertThat(injector.process().exitValue()).as(output).isZero();
      assertThat(output).contains("waiting").contains("for the shared start");
      folders.add(GatlingRun.runFolder(output));
    }
    return folders;
  }

  private static List<RunSummary> summaries(List<Path> folders) {
    return folders.stream().map(folder -> SummaryFiles.read(folder.resolve(SummaryFiles.NAME))).toList();
  }

  /** Merges the runs as they are, which must succeed, and gives the merged run's Gatling report. */
  private Path mergedReport(List<Path> folders) throws Exception {
    GatlingRun.Result merged = merge(folders, Map.of());
    assertThat(merged.exitCode()).as(merged.output()).isZero();
    return reportOf(merged.output());
  }

  private static RunSummary.RequestStats rowOf(RunSummary summary, String level) {
    return summary.requests().stream().filter(r -> r.path().equals(level + " / GET /simple")).findFirst()
        .orElseThrow(() -> new AssertionError("no row of " + level + " / GET /simple in " + summary.requests()));
  }

  /** Runs the merge in a JVM of its own, as {@code ./mvnw exec:java@merge} does, and returns its exit code and output. */
  private GatlingRun.Result merge(List<Path> folders, Map<String, String> options) throws Exception {
    Map<String, String> properties = new HashMap<>(options);
    properties.put("profile", "smoke");
    properties.put("runs", String.join(",", folders.stream().map(Path::toString).toList()));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dhistory.dir=" + Path.of("target", "test-history"), "-Dbaseline.file=none"));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "loadsuite.merge.RunMerge"));
    Path log = root.resolve("merge-" + System.nanoTime() + ".log");
    Process merge = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(merge.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    return new GatlingRun.Result(merge.exitValue(), Files.readString(log));
  }

  private static Path reportOf(String output) {
    Matcher m = Pattern.compile("Gatling's report of all requests: file://(\\S+)").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    return Path.of(m.group(1));
  }
}
