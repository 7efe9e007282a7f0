package loadsuite.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The stop criteria judged on seconds of figures: a criterion stops the run once its whole window is past its threshold. */
class StopJudgeTest {
  private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");

  private final List<CriterionStop> stops = new ArrayList<>();
  private int tick;

  @Test
  void failuresOverAWholeWindowStopTheRunOnceAndSayWhatAndWhen() {
    StopJudge judge = new StopJudge(List.of(new StopCriterion("failed", 5, Duration.ofSeconds(3))), stops::add);
    judge(judge, second(0, 0, 1), second(100, 10, 1), second(100, 10, 1));
    assertThat(stops).as("the seconds before the first response do not count; two are not the window of three").isEmpty();
    judge(judge, second(100, 10, 1), second(100, 100, 1));
    assertThat(stops).singleElement().satisfies(stop -> {
      assertThat(stop.describe()).isEqualTo("stopped by stop-when failed = 5% for 3s: 10% over the last 3 s, at 2026-12-03T18:00:03Z");
      assertThat(judge.stop()).contains(stop);
    });
  }

  @Test
  void aShareAtItsThresholdHoldsAsAFailedGoalAtItsBoundDoes() {
    StopJudge judge = new StopJudge(List.of(new StopCriterion("failed", 10, Duration.ofSeconds(2))), stops::add);
    judge(judge, second(100, 10, 1), second(100, 10, 1), second(0, 0, 1), second(0, 0, 1));
    assertThat(stops).as("10% is at most 10%; seconds without responses judge nothing").isEmpty();
  }

  @Test
  void aPercentileAtOrAboveItsThresholdStopsAndTheSlowestCriterionWaitsForItsWindow() {
    StopJudge judge = new StopJudge(List.of(new StopCriterion("max", 5000, Duration.ofSeconds(4)),
        new StopCriterion("p99", 20, Duration.ofSeconds(2))), stops::add);
    judge(judge, second(100, 0, 19));
    judge(judge, second(100, 0, 20));
    assertThat(stops).extracting(s -> s.criterion().key()).containsExactly("p99");
    assertThat(stops.get(0).describe()).contains("p99 = 20ms for 2s: 20ms over the last 2 s");
  }

  @Test
  void theGeneratorsCpuIsTheMeanOfTheWindowsSeconds() {
    StopJudge judge = new StopJudge(List.of(new StopCriterion("generator-cpu", 90, Duration.ofSeconds(2))), stops::add);
    judge(judge, new LiveFigures.Second(10, 0, times(10, 1), 1.0), new LiveFigures.Second(10, 0, times(10, 1), 0.7));
    assertThat(stops).as("85% on average").isEmpty();
    judge(judge, new LiveFigures.Second(10, 0, times(10, 1), 1.0));
    assertThat(stops).as("the last two seconds: 100% and 70%").isEmpty();
    judge(judge, new LiveFigures.Second(10, 0, times(10, 1), 0.95));
    assertThat(stops).singleElement().satisfies(s -> assertThat(s.describe()).contains("generator-cpu = 90% for 2s: 97.5% over the last 2 s"));
  }

  /** Judges each second in turn, the n-th (from 0) ending n seconds after T0. */
  private void judge(StopJudge judge, LiveFigures.Second... seconds) {
    for (LiveFigures.Second second : seconds) {
      judge.judge(second, T0.plusSeconds(tick++));
    }
  }

  /** A second of {@code requests} responses, {@code failed} of them failed, each {@code millis} long. */
  private static LiveFigures.Second second(long requests, long failed, long millis) {
    return new LiveFigures.Second(requests, failed, times(requests, millis), 0);
  }

  private static Histogram times(long count, long millis) {
    Histogram histogram = new Histogram(3);
    if (count > 0) {
      histogram.recordValueWithCount(millis, count);
    }
    return histogram;
  }
}
