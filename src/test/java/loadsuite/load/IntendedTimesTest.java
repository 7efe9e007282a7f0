package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class IntendedTimesTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void aDroppedSendCountsWithTheLagItWouldHaveHadOnePeriodLessLateEach() {
    IntendedTimes times = new IntendedTimes();
    times.recordIteration(new IntendedTimes.Send(), 0, 0, 0, 100 * MS);
    // 2.5 s behind at a period of 500 ms: the send that went out, and 3 dropped sends behind it
    times.recordIteration(new IntendedTimes.Send(), 2500 * MS, 2 * MS, 3, 500 * MS);

    Histogram lag = times.lag();
    assertThat(lag.getTotalCount()).isEqualTo(5);
    assertThat(times.droppedSends()).isEqualTo(3);
    assertThat(lag.getMaxValue()).isBetween(2_499_000L, 2_501_000L);
    assertThat(lag.getCountBetweenValues(990_000, 1_010_000)).as("the last dropped send, 1 s late").isEqualTo(1);
    Histogram own = times.generatorLag();
    assertThat(own.getTotalCount()).as("a dropped send never went out: no part of the generator's own").isEqualTo(2);
    assertThat(own.getMaxValue()).isBetween(1_999L, 2_001L);
  }
}
