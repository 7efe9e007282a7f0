package loadsuite.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cut of a log to its measured window: the warm-up's group is left out wherever it is, and a cut log is known as one. */
class MeasuredWindowTest {
  private static final long START = 1_700_000_000_000L;
  private static final long WARM_UP = 2_000;

  @TempDir
  Path dir;

  @Test
  void theWarmUpsRequestsAndGroupsAreLeftOutWhereverTheyAreAndTheOthersFromTheWindowsStart() {
    Path log = dir.resolve("simulation.log");
    List<String> warmUp = List.of(MeasuredWindow.WARM_UP_GROUP);
    try (LogWriter writer = new LogWriter(log, "loadsuite.Example", START, "", List.of("connections"), List.of())) {
      writer.write(new LogRecord.User("connections", true, START + 10));
      writer.write(new LogRecord.Response(warmUp, "GET /simple", START + 500, START + 505, true, ""));
      writer.write(new LogRecord.Group(warmUp, START + 500, START + 505, 5, true));
      writer.write(new LogRecord.Response(List.of(), "GET /simple", START + 1_500, START + 1_505, true, ""));
      writer.write(new LogRecord.Response(List.of(), "GET /simple", START + 2_100, START + 2_103, true, ""));
      // a warm-up inside the measured window (the scaling shape's, before each count of instances)
      writer.write(new LogRecord.Response(warmUp, "GET /simple", START + 2_500, START + 2_509, false, "500"));
      writer.write(new LogRecord.Group(warmUp, START + 2_500, START + 2_509, 9, false));
      writer.write(new LogRecord.Response(List.of("journey"), "GET /simple", START + 2_600, START + 2_604, true, ""));
      writer.write(new LogRecord.Group(List.of("journey"), START + 2_600, START + 2_604, 4, true));
    }
    assertThat(MeasuredWindow.isCut(log)).isFalse();

    long left = MeasuredWindow.cut(log, OptionalLong.empty(), WARM_UP, MeasuredWindow.describe(WARM_UP, 5), List.of());

    assertThat(left).as("outside the warm-up's group, before the window").isEqualTo(1);
    assertThat(MeasuredWindow.isCut(log)).isTrue();
    List<LogRecord> records = new ArrayList<>();
    try (SimulationLog in = SimulationLog.open(log)) {
      assertThat(in.header().start()).isEqualTo(START + WARM_UP);
      for (LogRecord r = in.next(); r != null; r = in.next()) {
        records.add(r);
      }
    }
    assertThat(records).containsExactly(
        new LogRecord.User("connections", true, START + WARM_UP),
        new LogRecord.Response(List.of(), "GET /simple", START + 2_100, START + 2_103, true, ""),
        new LogRecord.Response(List.of("journey"), "GET /simple", START + 2_600, START + 2_604, true, ""),
        new LogRecord.Group(List.of("journey"), START + 2_600, START + 2_604, 4, true));
  }

  /** The schedule's measured start, given on the log's clock, is the window's start (Gatling's run starts before the schedule). */
  @Test
  void theWindowStartsWhereTheScheduleSaysWhenItIsKnown() {
    Path log = dir.resolve("simulation.log");
    try (LogWriter writer = new LogWriter(log, "loadsuite.Example", START, "", List.of("connections"), List.of())) {
      writer.write(new LogRecord.Response(List.of(), "GET /simple", START + 2_250, START + 2_253, true, ""));
    }

    long left = MeasuredWindow.cut(log, OptionalLong.of(START + 2_200), WARM_UP, "", List.of());

    assertThat(left).isZero();
    try (SimulationLog in = SimulationLog.open(log)) {
      assertThat(in.header().start()).isEqualTo(START + 2_200);
      assertThat(in.next()).isEqualTo(new LogRecord.Response(List.of(), "GET /simple", START + 2_250, START + 2_253, true, ""));
    }
  }

  @Test
  void onlyARecordOfTheWarmUpsOwnGroupIsInTheWarmUp() {
    assertThat(MeasuredWindow.inWarmUp(new LogRecord.Response(List.of(MeasuredWindow.WARM_UP_GROUP, "journey"), "a", 1, 2, true, "")))
        .isTrue();
    assertThat(MeasuredWindow.inWarmUp(new LogRecord.Response(List.of("journey", MeasuredWindow.WARM_UP_GROUP), "a", 1, 2, true, "")))
        .isFalse();
    assertThat(MeasuredWindow.inWarmUp(new LogRecord.Response(List.of(), MeasuredWindow.WARM_UP_GROUP, 1, 2, true, ""))).isFalse();
    assertThat(MeasuredWindow.inWarmUp(new LogRecord.User("connections", true, 1))).isFalse();
  }
}
