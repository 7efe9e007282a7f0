package loadsuite.results;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.javaapi.core.Assertion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import loadsuite.goals.Goal;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.goals.Metric;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import loadsuite.log.SimulationLog;
import loadsuite.merge.LogMerge;
import loadsuite.merge.PooledSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every latency verdict against known distributions, written into simulation.logs with Gatling's own
 * writer: the run's figures equal the nearest-rank figures of the designed samples (and of the raw
 * log read back), a goal at the true value is missed and one a millisecond above it is met, for all
 * requests, a request, a group, a staircase level and two injectors' runs merged.
 */
class ExactVerdictsTest {
  private static final long START = 1_700_000_000_000L;
  private static final String REQUEST = "GET /simple";

  @TempDir
  Path dir;

  @Test
  void oneResponseInSixteenHeldIsTheP95() throws Exception {
    List<Integer> times = everyNth(16, 1500, 3200);
    RunStats stats = RunStats.read(run("held16", List.of(), times, List.of()));

    RunStats.Stats all = stats.global().orElseThrow();
    assertThat(all.count()).isEqualTo(3200);
    assertThat(all.p95()).isEqualTo(1500).isEqualTo(PooledSamples.nearestRank(times, 95));
    assertThat(all.p99()).isEqualTo(1500);
    assertThat(all.p75()).isEqualTo(PooledSamples.nearestRank(times, 75)).isLessThan(10);
    assertMissedAtTheTruthMetJustAbove(stats, GoalAssertion.ALL_REQUESTS, Metric.P95, 1500);
    assertMissedAtTheTruthMetJustAbove(stats, REQUEST, Metric.P95, 1500);
  }

  @Test
  void oneResponseInSixtyFourHeldIsTheP99AndNotTheP95() throws Exception {
    List<Integer> times = everyNth(64, 1500, 6400);
    RunStats stats = RunStats.read(run("held64", List.of(), times, List.of()));

    assertThat(stats.global().orElseThrow().p99()).isEqualTo(1500);
    assertThat(stats.global().orElseThrow().p95()).isEqualTo(PooledSamples.nearestRank(times, 95)).isLessThan(10);
    assertMissedAtTheTruthMetJustAbove(stats, GoalAssertion.ALL_REQUESTS, Metric.P99, 1500);
  }

  @Test
  void aLongTailAndEqualTimesHaveTheirNearestRankFigures() throws Exception {
    Random random = new Random(7);
    List<Integer> tail = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // Pareto, shape 1.2, from 2 ms: a heavy tail reaching seconds
      tail.add((int) Math.min(60_000, 2 / Math.pow(1 - random.nextDouble(), 1 / 1.2)));
    }
    RunStats stats = RunStats.read(run("tail", List.of(), tail, List.of()));
    assertThat(SimulationLog.responseTimes(dir.resolve("tail").resolve("simulation.log"))).containsExactlyElementsOf(tail);
    RunStats.Stats all = stats.global().orElseThrow();
    assertThat(List.of(all.p50(), all.p75(), all.p95(), all.p99(), all.max()))
        .containsExactly(PooledSamples.nearestRank(tail, 50), PooledSamples.nearestRank(tail, 75), PooledSamples.nearestRank(tail, 95), PooledSamples.nearestRank(tail, 99), PooledSamples.nearestRank(tail, 100));
    assertThat(all.mean()).isEqualTo((int) Math.floor(tail.stream().mapToInt(Integer::intValue).average().orElseThrow()));
    for (Metric metric : List.of(Metric.P50, Metric.P75, Metric.P95, Metric.P99, Metric.MAX)) {
      assertMissedAtTheTruthMetJustAbove(stats, GoalAssertion.ALL_REQUESTS, metric, PooledSamples.nearestRank(tail, metric.percentile));
    }

    List<Integer> equal = java.util.Collections.nCopies(1000, 7);
    RunStats same = RunStats.read(run("equal", List.of(), equal, List.of()));
    RunStats.Stats s = same.global().orElseThrow();
    assertThat(List.of(s.min(), s.mean(), s.p50(), s.p95(), s.p99(), s.max())).containsOnly(7);
    assertMissedAtTheTruthMetJustAbove(same, GoalAssertion.ALL_REQUESTS, Metric.MEAN, 7);

    // a mean of 1.6 ms: below 2 ms, not below 1 ms
    List<Integer> ones = new ArrayList<>(java.util.Collections.nCopies(400, 1));
    ones.addAll(java.util.Collections.nCopies(600, 2));
    RunStats mean = RunStats.read(run("mean", List.of(), ones, List.of()));
    Verdict under2 = judge(mean, GoalAssertion.ALL_REQUESTS, Metric.MEAN, 2);
    assertThat(under2.met()).isTrue();
    assertThat(under2.actual()).isEqualTo(1.6);
    assertThat(under2.message()).contains("mean of all requests was 1.6 ms");
    assertThat(judge(mean, GoalAssertion.ALL_REQUESTS, Metric.MEAN, 1).met()).isFalse();
  }

  @Test
  void aGroupIsJudgedOnItsCumulatedTimesAndALevelOnItsOwnResponses() throws Exception {
    // a journey of two requests; every 16th journey 1500 ms in all
    List<Integer> journeys = everyNth(16, 1500, 1600);
    run("journey", List.of("journey"), journeys, journeys);
    RunStats stats = RunStats.read(dir.resolve("journey"));
    assertThat(stats.group(List.of("journey")).orElseThrow().p95()).isEqualTo(1500);
    assertMissedAtTheTruthMetJustAbove(stats, "journey", Metric.P95, 1500);

    // two staircase levels: the first fast, the second with one response in sixteen held
    Path folder = Files.createDirectories(dir.resolve("staircase"));
    try (LogWriter writer = writer(folder)) {
      write(writer, List.of("level 100/s"), java.util.Collections.nCopies(1000, 3), START);
      write(writer, List.of("level 200/s"), everyNth(16, 1500, 2000), START + 20_000);
    }
    RunStats levels = RunStats.read(folder);
    assertThat(levels.request(List.of("level 100/s"), REQUEST).orElseThrow().p95()).isEqualTo(3);
    assertMissedAtTheTruthMetJustAbove(levels, "level 100/s / " + REQUEST, Metric.P95, 3);
    assertMissedAtTheTruthMetJustAbove(levels, "level 200/s / " + REQUEST, Metric.P95, 1500);
  }

  @Test
  void twoInjectorsMergedAreJudgedOnAllTheirResponsesPooled() throws Exception {
    // neither injector alone has a p95 of 1500 ms: one is all fast, the other holds one in eight
    List<Integer> fast = java.util.Collections.nCopies(2000, 2);
    List<Integer> slow = everyNth(8, 1500, 2000);
    Path a = run("a", List.of(), fast, List.of());
    Path b = run("b", List.of(), slow, List.of());
    Path merged = Files.createDirectories(dir.resolve("merged"));
    LogMerge.merge(List.of(a.resolve("simulation.log"), b.resolve("simulation.log")), merged.resolve("simulation.log"), "merged", List.of());

    List<Integer> pooled = new ArrayList<>(fast);
    pooled.addAll(slow);
    RunStats stats = RunStats.read(merged);
    assertThat(stats.global().orElseThrow().count()).isEqualTo(4000);
    assertThat(stats.global().orElseThrow().p95()).isEqualTo(PooledSamples.nearestRank(pooled, 95)).isEqualTo(1500);
    assertMissedAtTheTruthMetJustAbove(stats, GoalAssertion.ALL_REQUESTS, Metric.P95, 1500);
  }

  @Test
  void aPercentileOverTooFewResponsesSaysSo() throws Exception {
    RunStats stats = RunStats.read(run("few", List.of(), everyNth(10, 900, 40), List.of()));
    Verdict p99 = judge(stats, GoalAssertion.ALL_REQUESTS, Metric.P99, 1000);
    assertThat(p99.samples()).isEqualTo(40);
    assertThat(p99.message()).contains("p99 over 40 responses: at least 1000 make it a p99");
    assertThat(judge(stats, GoalAssertion.ALL_REQUESTS, Metric.P50, 1000).message()).doesNotContain("responses: at least");
  }

  /** A goal at the true figure is missed (goals are strictly below), one a millisecond above is met; the verdict shows the exact figure. */
  private static void assertMissedAtTheTruthMetJustAbove(RunStats stats, String scope, Metric metric, int truth) {
    Verdict at = judge(stats, scope, metric, truth);
    assertThat(at.met()).as(at.message()).isFalse();
    assertThat(at.actual()).as(metric.key + " of " + scope).isEqualTo(truth);
    assertThat(at.message()).contains(metric.key + " of").contains("was " + truth);
    Verdict above = judge(stats, scope, metric, truth + 1);
    assertThat(above.met()).as(above.message()).isTrue();
  }

  private static Verdict judge(RunStats stats, String scope, Metric metric, int millis) {
    Goal goal = new Goal(scope, metric, Duration.ofMillis(millis), null, null);
    boolean global = GoalAssertion.ALL_REQUESTS.equals(scope);
    Assertion.WithPath path = global ? global() : details(loadsuite.load.NamedRequests.parts(scope).toArray(String[]::new));
    GoalAssertion assertion = new GoalAssertion(goal, scope, GoalAssertions.assertion(goal, path, 0, 10, 1), 10, 1, GoalAssertion.TARGETS);
    return stats.judge(List.of(assertion)).get(0);
  }

  /** {@code n} response times of 1 to 4 ms, every {@code every}-th one {@code held} ms instead. */
  private static List<Integer> everyNth(int every, int held, int n) {
    List<Integer> times = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      times.add(i % every == 0 ? held : 1 + i % 4);
    }
    return times;
  }

  /**
   * A run folder whose log holds the requests of the given times, in {@code groups}; with
   * {@code groupTimes}, a group record after each request, whose cumulated time is that many ms.
   */
  private Path run(String name, List<String> groups, List<Integer> times, List<Integer> groupTimes) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    try (LogWriter writer = writer(folder)) {
      long t = write(writer, groups, times, START);
      for (int i = 0; i < groupTimes.size(); i++) {
        writer.write(new LogRecord.Group(groups, t + i, t + i + groupTimes.get(i), groupTimes.get(i), true));
      }
    }
    return folder;
  }

  private static LogWriter writer(Path folder) {
    return new LogWriter(folder.resolve("simulation.log"), "loadsuite.SomeSimulation", START, "", List.of("connections"), List.of());
  }

  private static long write(LogWriter writer, List<String> groups, List<Integer> times, long from) {
    long t = from;
    for (int time : times) {
      t += 1;
      writer.write(new LogRecord.Response(groups, REQUEST, t, t + time, true, ""));
    }
    return t;
  }
}
