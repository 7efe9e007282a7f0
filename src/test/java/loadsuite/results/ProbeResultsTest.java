package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import loadsuite.sut.ProbeGoals;
import loadsuite.sut.ResourceProbes;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's "< 100MB memory per 1000 RPS": the container's peak memory over the rate the run achieved (at
 * least its first 1000 req/s), not a cap whatever the rate.
 */
class ProbeResultsTest {
  private static final long MIB = 1 << 20;

  @Test
  void memoryPer1000RpsIsThePeakOverTheAchievedRate() {
    // 90 MiB at 2000 req/s: 45 MiB per 1000 req/s
    ResourceProbes probes = probes(90 * MIB, 50_000_000L, "50MB");
    RunSummary.GoalResult at2000 = perThousand(probes, 2000);
    assertThat(at2000.actual()).isEqualTo(45.0 * MIB);
    assertThat(at2000.met()).isTrue();
    assertThat(at2000.message()).isEqualTo("memory-per-1000rps of the runtime container was 45.0 MiB (peak 90.0 MiB (highest of 30 samples)"
        + " at 2000 req/s achieved); goal < 50MB");
    // the same peak at 1500 req/s is 60 MiB per 1000 req/s
    assertThat(perThousand(probes, 1500).met()).isFalse();
  }

  @Test
  void belowOneThousandRequestsASecondTheGoalAllowsWhatItAllowsAtOneThousand() {
    // 41 MiB at 200 req/s: the goal's first 1000 req/s, so 41 MiB against 50 MB (not 205 MiB per 1000)
    RunSummary.GoalResult at200 = perThousand(probes(41 * MIB, 50_000_000L, "50MB"), 200);
    assertThat(at200.actual()).isEqualTo(41.0 * MIB);
    assertThat(at200.met()).isTrue();
    assertThat(at200.message()).isEqualTo("memory-per-1000rps of the runtime container was 41.0 MiB (peak 41.0 MiB (highest of 30 samples)"
        + " at 200 req/s achieved, counted as the goal's first 1000 req/s); goal < 50MB");
    // and what it would not allow at 1000 req/s, it does not allow at 200 either
    assertThat(perThousand(probes(60 * MIB, 50_000_000L, "50MB"), 200).met()).isFalse();
  }

  @Test
  void noRateAchievedMeetsNoMemoryGoalPerRate() {
    assertThat(perThousand(probes(90 * MIB, 50_000_000L, "50MB"), 0).met()).isFalse();
  }

  @Test
  void aPeakGoalLeftOutIsNotJudged() {
    List<String> metrics = ProbeResults.judge(probes(90 * MIB, 50_000_000L, "50MB"), 2000).stream().map(RunSummary.GoalResult::metric).toList();
    assertThat(metrics).containsExactly("startup", "idle-memory", "memory-per-1000rps");
  }

  /** The memory goal per 1000 req/s of {@code probes}, judged at {@code achievedPerSecond}. */
  private static RunSummary.GoalResult perThousand(ResourceProbes probes, double achievedPerSecond) {
    List<RunSummary.GoalResult> goals = ProbeResults.judge(probes, achievedPerSecond).stream()
        .filter(g -> g.metric().equals("memory-per-1000rps")).toList();
    assertThat(goals).hasSize(1);
    return goals.get(0);
  }

  private static ResourceProbes probes(long peak, long perThousand, String perThousandText) {
    ProbeGoals goals = new ProbeGoals(Duration.ofSeconds(2), 50_000_000L, null, perThousand, "2s", "50MB", null, perThousandText);
    return new ResourceProbes("runtime", "loadsuite/runtime-stand-in:local", Duration.ofMillis(800), 20 * MIB, peak, 30, goals);
  }
}
