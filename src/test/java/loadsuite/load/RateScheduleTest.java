package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import loadsuite.config.Rate;
import loadsuite.load.RateSchedule.Step;
import org.junit.jupiter.api.Test;

class RateScheduleTest {
  private static Duration seconds(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }

  @Test
  void sustainedPlansRateTimesDurationAndLeavesTheWarmUpOut() {
    RateSchedule schedule = new Shape.Sustained(new Rate(1000), Duration.ofSeconds(60)).schedule(Duration.ofSeconds(15));
    assertThat(schedule.plannedMeasuredIterations()).isEqualTo(60_000);
    assertThat(schedule.measuredDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(schedule.duration()).isEqualTo(Duration.ofSeconds(75));
    assertThat(schedule.measuredStart()).isEqualTo(Duration.ofSeconds(15));
    assertThat(schedule.steps().get(0).warmUp()).isTrue();
    assertThat(schedule.steps().get(0).fromRate()).isEqualTo(100);
  }

  @Test
  void spikePlansBaseThenPeakThenBase() {
    RateSchedule schedule = new Shape.Spike(new Rate(100), new Rate(5000), Duration.ofSeconds(15), Duration.ofSeconds(30))
        .schedule(Duration.ZERO);
    assertThat(schedule.plannedMeasuredIterations()).isEqualTo(100 * 15 + 5000 * 30 + 100 * 15);
    assertThat(schedule.peakRate()).isEqualTo(5000);
    assertThat(schedule.stepAt(Duration.ofSeconds(20)).fromRate()).isEqualTo(5000);
    assertThat(schedule.stepAt(Duration.ofSeconds(50)).fromRate()).isEqualTo(100);
  }

  @Test
  void stressIsAStaircaseOfNamedLevelsFromStartToEnd() {
    Shape.Stress stress = new Shape.Stress(new Rate(100), new Rate(10_000), Duration.ofMinutes(5), 10, new Rate(5000));
    assertThat(stress.levels()).extracting(Shape.Staircase.Level::magnitude)
        .containsExactly(100.0, 1200.0, 2300.0, 3400.0, 4500.0, 5600.0, 6700.0, 7800.0, 8900.0, 10_000.0);
    assertThat(stress.levelsUpToKnee()).extracting(Shape.Staircase.Level::name)
        .containsExactly("level 100/s", "level 1200/s", "level 2300/s", "level 3400/s", "level 4500/s", "level 5600/s");
    RateSchedule schedule = stress.schedule(Duration.ofSeconds(15));
    assertThat(schedule.plannedMeasuredIterations()).isEqualTo(30L * (100 + 1200 + 2300 + 3400 + 4500 + 5600 + 6700 + 7800 + 8900 + 10_000));
    assertThat(schedule.stepAt(Duration.ofSeconds(15 + 31)).group()).isEqualTo("level 1200/s");
  }

  @Test
  void burstsRepeatTheConcurrencyEveryInterval() {
    Shape.Burst burst = new Shape.Burst(100, Duration.ofMillis(500), Duration.ofSeconds(60));
    assertThat(burst.schedule(Duration.ofSeconds(5)).plannedMeasuredIterations()).isEqualTo(12_000);
    assertThat(burst.startTogether()).isTrue();
  }

  @Test
  void advanceIntegratesAConstantRate() {
    RateSchedule schedule = RateSchedule.of(new Step(Duration.ofSeconds(10), 100, 100, false, null));
    assertThat(schedule.advance(Duration.ZERO, 100)).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule.advance(Duration.ofSeconds(2), 50)).isEqualTo(seconds(2.5));
  }

  @Test
  void advanceIntegratesARampAndCrossesSteps() {
    // 0..10 s ramps 10 -> 110/s (600 requests), then 200/s
    RateSchedule schedule = RateSchedule.of(
        new Step(Duration.ofSeconds(10), 10, 110, true, null),
        new Step(Duration.ofSeconds(10), 200, 200, false, null));
    assertThat(schedule.advance(Duration.ZERO, 600).toNanos() / 1e9).isCloseTo(10.0, within(1e-6));
    assertThat(schedule.advance(Duration.ZERO, 800).toNanos() / 1e9).isCloseTo(11.0, within(1e-6));
    // 10 t + 5 t^2 = 15 at t = 1
    assertThat(schedule.advance(Duration.ZERO, 15).toNanos() / 1e9).isCloseTo(1.0, within(1e-6));
    // past the end the last rate goes on
    assertThat(schedule.advance(Duration.ofSeconds(20), 100).toNanos() / 1e9).isCloseTo(20.5, within(1e-6));
  }

  @Test
  void theMeasuredRateNowIsNoneInTheWarmUpTheStepsRateAfterAndNonePastTheEnd() {
    RateSchedule schedule = RateSchedule.of(
        new Step(Duration.ofSeconds(10), 10, 110, true, null),
        new Step(Duration.ofSeconds(10), 100, 300, false, null));
    assertThat(schedule.measuredRateAt(Duration.ofSeconds(5))).isZero();
    assertThat(schedule.measuredRateAt(Duration.ofSeconds(15))).isEqualTo(200.0);
    assertThat(schedule.measuredRateAt(Duration.ofSeconds(20))).isZero();
    assertThat(RateSchedule.of(Step.closed(Duration.ofSeconds(10), 5, false, null)).measuredRateAt(Duration.ofSeconds(1)))
        .as("workers plan no rate").isZero();
  }

  @Test
  void connectionsSteppingByTheIntegralSendThePlannedCount() {
    RateSchedule schedule = new Shape.Spike(new Rate(20), new Rate(100), Duration.ofSeconds(2), Duration.ofSeconds(3))
        .schedule(Duration.ofSeconds(2));
    int connections = 10;
    long measured = 0;
    for (int c = 0; c < connections; c++) {
      Duration due = schedule.advance(Duration.ZERO, c);
      while (due.compareTo(schedule.duration()) < 0) {
        if (!schedule.stepAt(due).warmUp()) {
          measured++;
        }
        due = schedule.advance(due, connections);
      }
    }
    assertThat(measured).isCloseTo(schedule.plannedMeasuredIterations(), within((long) connections));
  }

  @Test
  void stepsAreImmutable() {
    RateSchedule schedule = new RateSchedule(new java.util.ArrayList<>(List.of(new Step(Duration.ofSeconds(1), 1, 1, false, null))));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> schedule.steps().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void workersAreAClosedScheduleThatPlansNoCount() {
    RateSchedule schedule = new Shape.Workers(20, Duration.ofSeconds(60)).schedule(Duration.ofSeconds(10));
    assertThat(schedule.closed()).isTrue();
    assertThat(schedule.steps()).extracting(Step::workers).containsExactly(20, 20);
    assertThat(schedule.steps().get(0).warmUp()).isTrue();
    assertThat(schedule.plannedMeasuredIterations()).isZero();
    assertThat(schedule.measuredDuration()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aWorkerStaircaseRaisesTheWorkersLevelByLevel() {
    Shape.WorkerStress stress = new Shape.WorkerStress(10, 100, Duration.ofSeconds(100), 10, 50);
    RateSchedule schedule = stress.schedule(Duration.ofSeconds(5));
    assertThat(schedule.steps()).extracting(Step::workers).containsExactly(10, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    assertThat(schedule.steps().get(3).group()).isEqualTo("level 30 workers");
    assertThat(schedule.endOf(schedule.stepAt(Duration.ofSeconds(26)))).isEqualTo(Duration.ofSeconds(35));
    assertThat(stress.levelsUpToKnee()).extracting(Shape.Staircase.Level::label).last().isEqualTo("50 workers");
  }

  @Test
  void aScheduleIsPacedOrClosedNotBoth() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RateSchedule.of(
            new Step(Duration.ofSeconds(1), 1, 1, false, null), Step.closed(Duration.ofSeconds(1), 2, false, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
