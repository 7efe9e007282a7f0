package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import loadsuite.config.Percent;
import loadsuite.goals.Goal;
import loadsuite.goals.Held;
import loadsuite.goals.Metric;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held goals judged second by second on a synthetic log: 10 s of a request answered in 5 ms, but
 * in seconds 3 and 4 nothing answers (a stall) and second 5's answers take 2 s.
 */
class SecondsHeldTest {
  private static final long START = 1_700_000_000_000L;

  @TempDir Path folder;

  @Test
  void aGoalHeldInEnoughSecondsPassesAndOneAskedToHoldInMoreFails() {
    Path log = stalledLog();
    Goal p99 = new Goal(Goal.GLOBAL, Metric.P99, Duration.ofMillis(100), null, null);
    Goal onRequest = new Goal("GET /simple", Metric.P99, Duration.ofMillis(100), null, null);
    List<RunSummary.HeldGoal> held = SecondsHeld.judge(log, List.of(new Held(p99, new Percent(70)), new Held(onRequest, new Percent(99))));

    assertThat(held).hasSize(2);
    assertThat(held.get(0).seconds()).isEqualTo("1110001111");
    assertThat(held.get(0).actual()).isEqualTo(70.0);
    assertThat(held.get(0).met()).isTrue();
    assertThat(held.get(0).message())
        .isEqualTo("p99 < 100ms of all requests held in 70.0 % of the 10 measured seconds (7); goal at least 70%");
    assertThat(held.get(1).met()).isFalse();
    assertThat(held.get(1).scope()).isEqualTo("GET /simple");
    assertThat(held.get(1).goal()).isEqualTo("p99 of \"GET /simple\" < 100ms held in at least 99% of the seconds");
  }

  @Test
  void aFailedGoalHoldsInTheSecondsWhoseFailedShareIsAtMostItsBound() {
    Path log = folder.resolve("simulation.log");
    try (LogWriter writer = writer(log)) {
      for (int second = 0; second < 4; second++) {
        for (int i = 0; i < 10; i++) {
          long at = START + second * 1000L + i * 50;
          // second 2: 2 of 10 failed
          writer.write(new LogRecord.Response(List.of(), "GET /simple", at, at + 5, !(second == 2 && i < 2), ""));
        }
      }
    }
    Goal failed = new Goal(Goal.GLOBAL, Metric.FAILED, null, new Percent(10), null);
    assertThat(SecondsHeld.judge(log, List.of(new Held(failed, new Percent(75))))).singleElement().satisfies(h -> {
      assertThat(h.seconds()).isEqualTo("1101");
      assertThat(h.met()).isTrue();
    });
  }

  @Test
  void theRunReportAndTheSuitePageShowTheStrip() {
    RunSummary.HeldGoal held = SecondsHeld.judge(stalledLog(), List.of(new Held(new Goal(Goal.GLOBAL, Metric.P99, Duration.ofMillis(100),
        null, null), new Percent(99)))).get(0);
    assertThat(HeldStrip.render(List.of(held))).isEqualTo("""
        held p99 of all requests < 100ms: 70.0 % of 10 s (goal at least 99%) MISSED
             |###...####| one cell a second
        """);
    assertThat(HeldStrip.html(held)).startsWith("<span class=\"strip\" title=\"one cell a second\"><i class=\"held\" title=\"s 0\"></i>")
        .contains("<i class=\"not\" title=\"s 3\"></i>");
    assertThat(HeldStrip.cells("1111" + "1101" + "0000", 3)).containsExactly(HeldStrip.Cell.HELD, HeldStrip.Cell.PARTLY, HeldStrip.Cell.NOT);
  }

  /** 10 responses a second for 10 s, 5 ms each; none end in seconds 3 and 4, and those ending in second 5 took 2 s. */
  private Path stalledLog() {
    Path log = folder.resolve("simulation.log");
    try (LogWriter writer = writer(log)) {
      for (int second = 0; second < 10; second++) {
        if (second == 3 || second == 4) {
          continue;
        }
        for (int i = 0; i < 10; i++) {
          long end = START + second * 1000L + i * 50 + 10;
          writer.write(new LogRecord.Response(List.of(), "GET /simple", end - (second == 5 ? 2000 : 5), end, true, ""));
        }
      }
    }
    return log;
  }

  private static LogWriter writer(Path log) {
    return new LogWriter(log, "loadsuite.Example", START, "test", List.of("connections"), List.of());
  }
}
