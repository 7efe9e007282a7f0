package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import loadsuite.config.Rate;
import loadsuite.config.TargetsException;
import loadsuite.goals.Goal;
import loadsuite.goals.Metric;
import org.junit.jupiter.api.Test;

class InjectorTest {
  private static final Workload SUSTAINED = new Workload("runtime.sustained", 10, Duration.ofSeconds(2),
      new Shape.Sustained(new Rate(50), Duration.ofSeconds(60)), 1, null);

  @Test
  void theSharesOfConnectionsRatesAndThroughputGoalsAddUpToTheWhole() {
    List<Workload> shares = IntStream.rangeClosed(1, 3).mapToObj(i -> new Injector(i, 3, Optional.empty()).share(SUSTAINED)).toList();
    assertThat(shares).extracting(Workload::connections).containsExactly(4, 3, 3);
    assertThat(shares.stream().mapToDouble(w -> ((Shape.Sustained) w.shape()).rate().perSecond()).sum()).isCloseTo(50, within());
    assertThat(shares.stream().mapToDouble(w -> w.schedule().plannedMeasuredRate()).sum())
        .isCloseTo(SUSTAINED.schedule().plannedMeasuredRate(), within());
    // each connection paces as in the whole run
    assertThat(((Shape.Sustained) shares.get(0).shape()).rate().perSecond() / 4).isCloseTo(50.0 / 10, within());

    Goal throughput = new Goal("global", Metric.THROUGHPUT, null, null, new Rate(45));
    Goal p95 = new Goal("global", Metric.P95, Duration.ofMillis(20), null, null);
    List<Goal> goals = new ArrayList<>();
    IntStream.rangeClosed(1, 3).forEach(i -> goals.add(throughput.sharedBy(new Injector(i, 3, Optional.empty()), SUSTAINED)));
    assertThat(goals.stream().mapToDouble(g -> g.rate().perSecond()).sum()).isCloseTo(45, within());
    assertThat(p95.sharedBy(new Injector(2, 3, Optional.empty()), SUSTAINED)).isEqualTo(p95);
  }

  @Test
  void aloneTheWorkloadIsWholeAndNamesCarryNoInjector() {
    Injector alone = Injector.parse(null, null);
    assertThat(alone.share(SUSTAINED)).isSameAs(SUSTAINED);
    assertThat(alone.nameSuffix()).isEmpty();
    assertThat(Injector.parse("2/3", null).nameSuffix()).isEqualTo("-i2of3");
  }

  @Test
  void burstsShareTheirConcurrency() {
    Workload burst = new Workload("runtime.concurrency", 20, Duration.ZERO, new Shape.Burst(20, Duration.ofMillis(500),
        Duration.ofSeconds(5)), 1, null);
    Workload half = new Injector(2, 2, Optional.empty()).share(burst);
    assertThat(half.connections()).isEqualTo(10);
    assertThat(((Shape.Burst) half.shape()).concurrency()).isEqualTo(10);
  }

  @Test
  void staircasesKeepTheWholeRunsLevelsAndShareEachLevel() {
    Shape.Stress whole = new Shape.Stress(new Rate(20), new Rate(100), Duration.ofSeconds(6), 3, new Rate(60));
    Workload stress = new Workload("runtime.stress", 10, Duration.ZERO, whole, 1, null);
    List<Shape.Stress> rates = IntStream.rangeClosed(1, 3)
        .mapToObj(i -> (Shape.Stress) new Injector(i, 3, Optional.empty()).share(stress).shape()).toList();
    for (Shape.Stress share : rates) {
      assertThat(share.levels()).extracting(Shape.Staircase.Level::name).containsExactly("level 20/s", "level 60/s", "level 100/s");
      assertThat(share.knee().perSecond()).isEqualTo(60);
    }
    for (int level = 0; level < 3; level++) {
      int l = level;
      assertThat(rates.stream().mapToLong(s -> s.levels().get(l).plannedIterations()).sum())
          .isCloseTo(whole.levels().get(l).plannedIterations(), org.assertj.core.data.Offset.offset(3L));
      assertThat(rates.stream().mapToDouble(s -> s.schedule(Duration.ZERO).steps().get(l).fromRate()).sum())
          .isCloseTo(whole.levels().get(l).magnitude(), within());
    }

    Shape.WorkerStress workers = new Shape.WorkerStress(3, 10, Duration.ofSeconds(6), 3, 6);
    Workload workerStress = new Workload("freightliner.workers", 10, Duration.ZERO, workers, 1, null);
    List<Workload> shares = IntStream.rangeClosed(1, 3).mapToObj(i -> new Injector(i, 3, Optional.empty()).share(workerStress)).toList();
    assertThat(shares).extracting(Workload::connections).containsExactly(4, 3, 3);
    for (int level = 0; level < 3; level++) {
      int l = level;
      assertThat(shares.stream().mapToInt(w -> w.schedule().steps().get(l).workers()).sum())
          .isEqualTo((int) workers.levels().get(l).magnitude());
      assertThat(shares).allSatisfy(w -> assertThat(((Shape.Staircase) w.shape()).levels().get(l).name())
          .isEqualTo(workers.levels().get(l).name()));
    }
  }

  @Test
  void badSharesAndInstantsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> Injector.parse("half", null)).isInstanceOf(TargetsException.class)
        .hasMessageContaining("-Dinjector=half is not a share").hasMessageContaining("<i>/<N>");
    assertThatThrownBy(() -> Injector.parse("3/2", null)).isInstanceOf(TargetsException.class).hasMessageContaining("from 1 to N");
    assertThatThrownBy(() -> Injector.parse("0/2", null)).isInstanceOf(TargetsException.class).hasMessageContaining("from 1 to N");
    assertThatThrownBy(() -> Injector.parse("1/2", "tomorrow")).isInstanceOf(TargetsException.class)
        .hasMessageContaining("-Dinjector.start-at=tomorrow is not an instant");
    assertThatThrownBy(() -> new Injector(1, 11, Optional.empty()).share(SUSTAINED)).isInstanceOf(TargetsException.class)
        .hasMessageContaining("10 connections, fewer than the 11 injectors");
    Workload workerStress = new Workload("freightliner.workers", 10, Duration.ZERO, new Shape.WorkerStress(2, 10,
        Duration.ofSeconds(6), 3, 6), 1, null);
    assertThatThrownBy(() -> new Injector(1, 3, Optional.empty()).share(workerStress)).isInstanceOf(TargetsException.class)
        .hasMessageContaining("freightliner.workers starts at 2 workers, fewer than the 3 injectors");
    assertThatThrownBy(() -> new Injector(1, 2, Optional.of(Instant.now().minusSeconds(5))).awaitStart())
        .isInstanceOf(TargetsException.class).hasMessageContaining("passed");
  }

  @Test
  void startInstantsAreEpochMillisecondsOrIsoTimes() {
    assertThat(Injector.parse("1/2", "1764000000000").startAt()).contains(Instant.ofEpochMilli(1764000000000L));
    assertThat(Injector.parse("1/2", "2026-11-24T18:00:00Z").startAt()).contains(Instant.parse("2026-11-24T18:00:00Z"));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
