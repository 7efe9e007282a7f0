package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run report's schedule lines: the lag, and its part that is the generator's own when it was measured. */
class ScheduleResultsTest {
  private static final RunSummary.Percentiles LAG = new RunSummary.Percentiles(ScheduleResults.LAG, 1000, 0.5, 1, 20, 40, 90);
  private static final RunSummary.Percentiles OWN = new RunSummary.Percentiles(ScheduleResults.GENERATOR_LAG, 1000, 0.1, 0.2, 0.4, 0.8, 3);
  private static final RunSummary.Percentiles ALL = new RunSummary.Percentiles("all requests", 1000, 1, 2, 25, 45, 95);

  @Test
  void theReportSaysHowMuchOfTheLagIsTheGenerators() {
    String report = ScheduleResults.render(new RunSummary.Schedule(LAG, OWN, 0, ALL, List.of()));
    assertThat(report).contains("schedule lag of 1000 iterations (0 sends dropped): p50 0.5 ms, p99 40.0 ms, max 90.0 ms\n"
        + "  of which the generator's own (from due and its connection free, to sent): p50 0.1 ms, p99 0.8 ms, max 3.0 ms\n");
  }

  @Test
  void aSummaryFromBeforeItWasMeasuredHasNoSuchLine() {
    String report = ScheduleResults.render(new RunSummary.Schedule(LAG, null, 0, ALL, List.of()));
    assertThat(report).contains("schedule lag of 1000 iterations").doesNotContain("generator's own");
  }
}
