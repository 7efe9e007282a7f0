package loadsuite.freightliner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import loadsuite.freightliner.standin.FreightlinerStandIn;
import loadsuite.registry.DistributionProcess;
import loadsuite.suite.GatlingRun;
import loadsuite.suite.SimulationsEndToEndTest;
import loadsuite.suite.SuiteSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Freightliner simulation at the smoke profile against the embedded system (the job API
 * stand-in and two registry stand-ins), as a user runs it; an impossible goal failing the run; and
 * external mode against two real CNCF Distribution processes and a job API stand-in with its key.
 */
class FreightlinerSimulationsEndToEndTest extends SimulationsEndToEndTest {
  FreightlinerSimulationsEndToEndTest() {
    super(FreightlinerSystem.SPEC, "embedded Freightliner job API stand-in at http://127.0.0.1:");
  }

  @Override
  protected void alsoShows(Class<?> simulation, String output) {
    assertThat(output).containsPattern("all requests +\\d+ +0\\.00% ");
    if (simulation == FreightlinerReplicationSimulation.class) {
      assertThat(output).contains("planned  none: workers start each iteration as the last ends")
          .containsPattern("data: copy image [\\d.]+ MB/s = [\\d.]+ MiB/s");
    }
    if (simulation == FreightlinerWorkersSimulation.class) {
      // targets.conf, smoke: 1 to 3 workers in 3 levels, each with its copies and data rate
      assertThat(output).containsPattern("level 1 worker / copy image +\\d+ +0\\.00%")
          .containsPattern("level 3 workers / copy image +\\d+ +0\\.00%")
          .containsPattern("data: level 2 workers / copy image [\\d.]+ MB/s")
          .contains("knee: at least 3 workers");
    }
    if (simulation == FreightlinerJobsSimulation.class) {
      // every job completed and its result was found at the destination with the source's digest
      assertThat(output).containsPattern("job completion +[1-9]\\d* +0\\.00%")
          .containsPattern("GET destination manifest +[1-9]\\d* +0\\.00%");
    }
  }

  @Test
  void anImpossibleDataRateFailsTheRunAndSaysWhich() throws Exception {
    GatlingRun.Result run = GatlingRun.run(FreightlinerReplicationSimulation.class,
        Map.of("profile", "smoke", "overrides", "freightliner.replication.goals.\"copy image\".data-rate = 100GB/s"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).containsPattern("copy image: count of all events is greater than or equal to \\d+\\.0 : false");
  }

  @Test
  void externalModeReplicatesBetweenTwoDistributionsThroughTheJobApiWithItsKey(@TempDir Path dir) throws Exception {
    String key = "operator-key-" + System.nanoTime();
    try (DistributionProcess source = DistributionProcess.start(dir.resolve("source"));
        DistributionProcess destination = DistributionProcess.start(dir.resolve("destination"));
        FreightlinerStandIn api = FreightlinerStandIn.start("127.0.0.1", 0, new FreightlinerStandIn.Options(key, 4))) {
      Map<String, String> external = new HashMap<>(Map.of("profile", "smoke", "sut.mode", "external",
          "sut.urls.api", api.baseUrl(), "sut.urls.source", source.url(), "sut.urls.destination", destination.url()));

      GatlingRun.Result missing = GatlingRun.run(FreightlinerJobsSimulation.class, external, TIMEOUT_SECONDS);
      assertThat(missing.exitCode()).as(missing.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
      assertThat(missing.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: the job API's key is needed (X-API-Key)")
          .contains("-Dsut.credentials.freightliner.api-key=");

      external.put("sut.credentials.freightliner.api-key", key);
      GatlingRun.Result jobs = GatlingRun.run(FreightlinerJobsSimulation.class, external, TIMEOUT_SECONDS);
      jobs.assertMetEveryGoal("external freightliner", "freightliner.jobs");
      assertThat(jobs.output()).containsPattern("job completion +[1-9]\\d* +0\\.00%").doesNotContain(key);

      GatlingRun.Result copies = GatlingRun.run(FreightlinerReplicationSimulation.class, external, TIMEOUT_SECONDS);
      copies.assertMetEveryGoal("external freightliner", "freightliner.replication");
      assertThat(copies.output()).containsPattern("copy image / PUT destination upload +[1-9]\\d* +0\\.00%");
    }
  }
}
