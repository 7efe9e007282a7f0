package loadsuite.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loadsuite.log.LogException;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import loadsuite.log.SimulationLog;
import loadsuite.results.RunStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge against Gatling's own classes of the version on the classpath: logs written with its
 * writer are read back by {@link SimulationLog} and merged, and the merged log is read by Gatling's
 * own reader. A Gatling upgrade that changes the format or these classes fails here.
 */
class MergeRoundTripTest {
  private static final String SIMULATION = "loadsuite.SomeSimulation";
  private static final String SCENARIO = "connections";

  @TempDir
  Path dir;

  @Test
  void mergedCountsAreTheSumsAndPercentilesThoseOfAllTheSamples() throws Exception {
    Random random = new Random(42);
    // two injectors with different latencies, so that averaging their percentiles would be wrong; few distinct
    // values, over which Gatling's t-digest is exact within 1 ms
    List<Integer> fast = times(random, 400, 1, 20);
    List<Integer> slow = times(random, 100, 50, 60);
    Path a = log("a", 1_700_000_000_000L, fast, 3);
    Path b = log("b", 1_700_000_000_250L, slow, 0);

    Path merged = Files.createDirectories(dir.resolve("results").resolve("merged-run"));
    List<Long> records = LogMerge.merge(List.of(a.resolve(InjectorRun.LOG), b.resolve(InjectorRun.LOG)),
        merged.resolve(InjectorRun.LOG), "merged", List.of());

    assertThat(records).containsExactly(400L + 2 + 1, 100L + 2); // requests, a user's start and end, an error
    RunStats stats = RunStats.read(merged);
    RunStats.Stats all = stats.global().orElseThrow();
    assertThat(all.count()).isEqualTo(fast.size() + slow.size());
    assertThat(all.failed()).isEqualTo(3);
    List<Integer> pooled = new ArrayList<>(fast);
    pooled.addAll(slow);
    assertThat(all.max()).isEqualTo(pooled.stream().max(Integer::compare).orElseThrow());
    assertThat(all.min()).isEqualTo(pooled.stream().min(Integer::compare).orElseThrow());
    PooledSamples.assertPercentilesOf(pooled, all.p50(), all.p95(), all.p99());
    // the reader gives back every sample the writer wrote
    assertThat(SimulationLog.responseTimes(merged.resolve(InjectorRun.LOG))).containsExactlyInAnyOrderElementsOf(pooled);
    assertThat(stats.request(List.of("group"), "GET /x").orElseThrow().count()).isEqualTo(pooled.size());
  }

  @Test
  void aLogOfAnotherRunIsRefusedWithTheFix() throws Exception {
    Path a = log("a", 1_700_000_000_000L, List.of(5), 0);
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    try (LogWriter writer = new LogWriter(other.resolve(InjectorRun.LOG), "loadsuite.OtherSimulation", 1_700_000_000_000L,
        "other", List.of(SCENARIO), List.of())) {
      writer.write(new LogRecord.User(SCENARIO, true, 1_700_000_000_000L));
    }
    Path out = dir.resolve("out.log");
    assertThatThrownBy(() -> LogMerge.merge(List.of(a.resolve(InjectorRun.LOG), other.resolve(InjectorRun.LOG)), out, "m", List.of()))
        .isInstanceOf(MergeException.class).hasMessageContaining("loadsuite.OtherSimulation").hasMessageContaining("merge the injectors of one run");
    Files.write(out, new byte[] {0, 0, 0, 0, 6, 51, 46, 49, 48, 46, 48, 0});
    assertThatThrownBy(() -> SimulationLog.open(out)).isInstanceOf(LogException.class)
        .hasMessageContaining("was written by Gatling").hasMessageContaining("same Gatling version");
  }

  private static List<Integer> times(Random random, int n, int min, int max) {
    List<Integer> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add(min + random.nextInt(max - min + 1));
    }
    return times;
  }

  /** A run folder whose log holds one user sending the requests of the given response times, 10 ms apart; {@code failed} of them KO. */
  private Path log(String name, long start, List<Integer> times, int failed) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    try (LogWriter writer = new LogWriter(folder.resolve(InjectorRun.LOG), SIMULATION, start, "injector " + name,
        List.of(SCENARIO), List.of())) {
      writer.write(new LogRecord.User(SCENARIO, true, start));
      long t = start;
      for (int i = 0; i < times.size(); i++) {
        t += 10;
        boolean ok = i >= failed;
        writer.write(new LogRecord.Response(List.of("group"), "GET /x", t, t + times.get(i), ok, ok ? "" : "status 500"));
      }
      if (failed > 0) {
        writer.write(new LogRecord.Error("status 500", t));
      }
      writer.write(new LogRecord.User(SCENARIO, false, t + 1000));
    }
    return folder;
  }
}
