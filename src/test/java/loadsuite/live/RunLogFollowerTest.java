package loadsuite.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import loadsuite.log.MeasuredWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live figures count what the cut log keeps: every response and group but the warm-up's, wherever it is in the run. */
class RunLogFollowerTest {
  private static final long START = 1_700_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void theWarmUpsRequestsAndGroupsAreLeftOut() throws InterruptedException {
    List<String> warmUp = List.of(MeasuredWindow.WARM_UP_GROUP);
    LogRecord measured = new LogRecord.Response(List.of(), "GET /simple", START + 2_100, START + 2_103, true, "");
    LogRecord measuredGroup = new LogRecord.Group(List.of("journey"), START + 2_200, START + 2_204, 4, true);
    try (LogWriter writer = new LogWriter(dir.resolve("simulation.log"), "loadsuite.Example", START, "", List.of("connections"),
        List.of())) {
      writer.write(new LogRecord.Response(warmUp, "GET /simple", START + 500, START + 505, true, ""));
      writer.write(measured);
      writer.write(measuredGroup);
      writer.write(new LogRecord.Response(warmUp, "GET /simple", START + 2_500, START + 2_509, true, ""));
      writer.write(new LogRecord.Group(warmUp, START + 2_500, START + 2_509, 9, true));
    }
    List<LogRecord> counted = new CopyOnWriteArrayList<>();

    RunLogFollower follower = new RunLogFollower(() -> Optional.of(dir), counted::add);
    // the run's end, once the follower has found the log (it stops looking for one at the end)
    for (int i = 0; i < 200 && counted.isEmpty(); i++) {
      Thread.sleep(50);
    }
    follower.finish();

    assertThat(counted).containsExactly(measured, measuredGroup);
  }
}
