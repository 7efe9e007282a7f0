package loadsuite.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a merge takes beside the injectors' folders: other goals for the whole run, and nothing else of the workload. */
class RunMergeTest {
  @Test
  void goalsGivenToTheMergeAreTheWorkloadsGoalKeys() {
    Properties properties = new Properties();
    properties.setProperty("runtime.sustained.goals.global.throughput", "100/s");
    properties.setProperty("runtime.sustainedish.rate", "5/s");
    properties.setProperty("runs", "a,b");
    assertThat(RunMerge.goalOverrides("runtime.sustained", properties)).containsExactly(Map.entry("goals.global.throughput", "100/s"));
  }

  @Test
  void anyOtherKeyOfTheWorkloadIsTheInjectorsAndRefused() {
    Properties properties = new Properties();
    properties.setProperty("runtime.sustained.rate", "100/s");
    assertThatThrownBy(() -> RunMerge.goalOverrides("runtime.sustained", properties)).isInstanceOf(MergeException.class)
        .hasMessageContaining("-Druntime.sustained.rate: the merge judges the workload the injectors ran")
        .hasMessageContaining("-Druntime.sustained.goals.global.p95=");
  }
}
