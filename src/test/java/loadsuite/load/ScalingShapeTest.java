package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scaling shape: its instance counts as written, and a staircase per count at that many times the per-instance rates. */
class ScalingShapeTest {
  private static Shape read(String instances) {
    return Shape.read(Section.fromJson("{\"shape\": \"scaling\", \"instances\": " + instances + ", \"start-rate\": \"100/s\","
        + " \"end-rate\": \"300/s\", \"duration\": \"30s\", \"steps\": 3, \"scaling-efficiency\": \"90%\"}", "runtime.scaling",
        "targets.conf"));
  }

  @Test
  void theCountsAreAListOrTheMostAlone() {
    assertThat(((Shape.Scaling) read("[1, 3, 5]")).instances()).containsExactly(1, 3, 5);
    assertThat(((Shape.Scaling) read("4")).instances()).containsExactly(1, 2, 4);
    assertThat(((Shape.Scaling) read("10")).instances()).containsExactly(1, 2, 4, 8, 10);
    assertThat(((Shape.Scaling) read("\"1,2\"")).instances()).containsExactly(1, 2);
    assertThat(((Shape.Scaling) read("1")).instances()).containsExactly(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[2, 4]", "[1, 4, 2]", "[1, 1]", "[1, 101]", "101", "0", "[]", "\"many\"", "[1, -2]"})
  void aWrongListStopsWithOneLineNamingTheKey(String instances) {
    assertThatThrownBy(() -> read(instances)).isInstanceOf(TargetsException.class)
        .hasMessageContaining("'runtime.scaling.instances' must be the instance counts in turn from 1, each above the last, at most 100")
        .hasMessageNotContaining("\n");
  }

  @Test
  void eachCountRunsTheStaircaseAtThatManyTimesThePerInstanceRatesInTurn() {
    Shape.Scaling scaling = (Shape.Scaling) read("[1, 2]");
    assertThat(scaling.levels()).extracting(Shape.Staircase.Level::name).containsExactly(
        "level 100/s on 1 instance", "level 200/s on 1 instance", "level 300/s on 1 instance",
        "level 200/s on 2 instances", "level 400/s on 2 instances", "level 600/s on 2 instances");
    RateSchedule schedule = scaling.schedule(Duration.ZERO);
    assertThat(schedule.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(schedule.steps()).extracting(RateSchedule.Step::group).containsExactlyElementsOf(
        scaling.levels().stream().map(Shape.Staircase.Level::name).toList());
    assertThat(schedule.steps()).extracting(RateSchedule.Step::fromRate).containsExactly(100.0, 200.0, 300.0, 200.0, 400.0, 600.0);
    assertThat(scaling.levelSeconds()).isEqualTo(10);
    assertThat(scaling.levelsUpToKnee()).isEmpty();
  }

  @Test
  void eachCountsStaircaseHasItsOwnWarmUpRisingToItsFirstLevel() {
    RateSchedule schedule = ((Shape.Scaling) read("[1, 2]")).schedule(Duration.ofSeconds(5));
    assertThat(schedule.steps()).filteredOn(RateSchedule.Step::warmUp)
        .extracting(RateSchedule.Step::group, RateSchedule.Step::fromRate, RateSchedule.Step::toRate)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("warm-up on 1 instance", 10.0, 100.0),
            org.assertj.core.groups.Tuple.tuple("warm-up on 2 instances", 20.0, 200.0));
    assertThat(schedule.steps().get(4).warmUp()).isTrue();
    assertThat(schedule.duration()).isEqualTo(Duration.ofSeconds(70));
    assertThat(schedule.measuredDuration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(schedule.measuredStart()).as("after the opening warm-up; the later ones are left out by their group").isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void anInjectorSendsItsShareOfEveryLevel() {
    Workload whole = new Workload("runtime.scaling", 10, Duration.ZERO, read("2"), 1, null);
    Shape.Scaling share = (Shape.Scaling) new Injector(1, 2, java.util.Optional.empty()).share(whole).shape();
    assertThat(share.share()).isEqualTo(0.5);
    assertThat(share.levels()).extracting(Shape.Staircase.Level::plannedIterations).containsExactly(500L, 1000L, 1500L, 1000L, 2000L, 3000L);
  }
}
