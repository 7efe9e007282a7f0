package loadsuite.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import loadsuite.config.Targets;
import loadsuite.suite.Suite;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.Test;

class SampleSizesTest {
  @Test
  void aPercentileNeedsTenResponsesBeyondIt() {
    assertThat(List.of(SampleSizes.enoughFor(50), SampleSizes.enoughFor(75), SampleSizes.enoughFor(95), SampleSizes.enoughFor(99)))
        .containsExactly(20L, 40L, 200L, 1000L);
    assertThat(SampleSizes.tooFew(Metric.P99, 40)).hasValue("p99 over 40 responses: at least 1000 make it a p99");
    assertThat(SampleSizes.tooFew(Metric.P99, 1000)).isEmpty();
    assertThat(SampleSizes.tooFew(Metric.MAX, 1)).as("a maximum is one response").isEmpty();
    assertThat(SampleSizes.tooFew(Metric.LAG_P99, 999)).isPresent();
  }

  /** Each planned count the nightly profile fixes (all requests, a staircase's smallest level) is enough for its percentile goals. */
  @Test
  void everyPercentileGoalOfTheNightlyProfileGetsEnoughPlannedResponses() {
    Targets nightly = profile("nightly");
    List<String> shortOf = new ArrayList<>();
    for (SystemSpec system : SystemCatalog.all()) {
      for (String workload : nightly.workloads(system.name())) {
        Suite.Plan plan = Suite.plan(nightly, system, workload);
        // the request count of a simulation is known only when it runs: global and staircase goals here
        SampleSizes.shortOf(plan.workload(), plan.goals(), Integer.MAX_VALUE)
            .forEach(line -> shortOf.add(plan.workload().path() + ": " + line));
      }
    }
    assertThat(shortOf).isEmpty();
  }

  @Test
  void aSmokeRunSaysItsPercentilesAreOverTooFewResponses() {
    Targets smoke = profile("smoke");
    SystemSpec runtime = SystemCatalog.all().stream().filter(s -> s.name().equals("runtime")).findFirst().orElseThrow();
    Suite.Plan sustained = Suite.plan(smoke, runtime, "sustained");
    assertThat(SampleSizes.shortOf(sustained.workload(), List.of(new Goal("global", Metric.P99, java.time.Duration.ofMillis(5), null, null)), 1))
        .singleElement().asString().matches("p99 of all requests over \\d+ planned responses: at least 1000 make it a p99");
  }

  private static Targets profile(String name) {
    Properties properties = new Properties();
    properties.setProperty("profile", name);
    return Targets.load(Path.of("targets.conf"), properties);
  }
}
