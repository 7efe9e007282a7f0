package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeneratorResultsTest {
  private static final RunSummary.Rates PLANNED = new RunSummary.Rates(1000, 100);

  private static RunSummary.Generator figures(double cpuPercent, long pauseMaxMs, long pauseTotalMs) {
    return new RunSummary.Generator(2, 10, cpuPercent, cpuPercent, 40, 40, 50, 1, pauseTotalMs, pauseMaxMs, List.of());
  }

  private static RunSummary.GoalResult lagGoal(boolean met) {
    return new RunSummary.GoalResult("lag.p99 of the iterations < 1ms", "all requests", "lag.p99", "1ms", 12.0, met,
        "lag.p99 of the iterations was 12.0 ms; goal < 1ms", "targets.conf", null);
  }

  @Test
  void aRunThatKeptUpShowsNoSign() {
    RunSummary.Generator g = GeneratorResults.withSigns(figures(20, 5, 20), 10, Optional.of(PLANNED), 1000, List.of(lagGoal(true)));
    assertThat(g.bound()).isFalse();
    assertThat(GeneratorResults.render(g)).doesNotContain("THE FIGURES MEASURE");
  }

  @Test
  void eachSignIsNamed() {
    RunSummary.Generator g = GeneratorResults.withSigns(figures(95, 300, 900), 10, Optional.of(PLANNED), 900, List.of(lagGoal(false)));
    assertThat(g.boundBy()).satisfiesExactly(
        achieved -> assertThat(achieved).contains("achieved 90.0 % of the planned iterations"),
        lag -> assertThat(lag).contains("the lag goal was missed: lag.p99 of the iterations was 12.0 ms"),
        cpu -> assertThat(cpu).contains("CPU was saturated: 95 % of its 2 cores"),
        pause -> assertThat(pause).contains("a GC pause of the generator lasted 300 ms"),
        paused -> assertThat(paused).contains("900 ms in all, 9.0 % of the measured window"));
    assertThat(GeneratorResults.render(g)).contains("THE FIGURES MEASURE THE LOAD GENERATOR, NOT THE SYSTEM: achieved 90.0 %");
  }

  @Test
  void aStoppedRunsAchievedCountIsNoSign() {
    assertThat(GeneratorResults.withSigns(figures(20, 5, 20), 10, Optional.empty(), 10, List.of()).bound()).isFalse();
  }
}
