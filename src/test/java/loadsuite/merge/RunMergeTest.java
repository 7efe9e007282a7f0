package loadsuite.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loadsuite.results.RunSummary;
import org.junit.jupiter.api.Test;

/** What the merge reads back from an injector's summary, by the names the goals use. */
class RunMergeTest {
  private static final List<List<String>> LEVELS = List.of(List.of("level 10 workers"), List.of("level 20 workers"));

  @Test
  void aWorkerStaircasesTransfersAreKnownByTheGroupTheDataRateGoalNames() {
    List<RunSummary.Transfer> transfers = List.of(
        new RunSummary.Transfer("level 10 workers / copy image", 12L << 20, 40),
        new RunSummary.Transfer("level 20 workers / copy image", 12L << 20, 70));
    assertThat(RunMerge.bytesPerRequest(transfers, LEVELS)).containsExactly(java.util.Map.entry("copy image", 12L << 20));
  }

  @Test
  void aPathOutsideTheLevelsStaysAsItIs() {
    assertThat(RunMerge.withinLevel("level 10 workers / copy image / PUT manifest", LEVELS)).isEqualTo("copy image / PUT manifest");
    assertThat(RunMerge.withinLevel("journey / search", LEVELS)).isEqualTo("journey / search");
    assertThat(RunMerge.withinLevel("level 10 workers", LEVELS)).isEqualTo("level 10 workers");
    assertThat(RunMerge.bytesPerRequest(List.of(new RunSummary.Transfer("PUT manifest", 512, 1)), List.of(List.of())))
        .containsExactly(java.util.Map.entry("PUT manifest", 512L));
  }
}
