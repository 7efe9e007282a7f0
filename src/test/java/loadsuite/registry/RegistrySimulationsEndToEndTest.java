package loadsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.suite.GatlingRun;
import loadsuite.suite.SimulationsEndToEndTest;
import org.junit.jupiter.api.Test;

/**
 * Every registry simulation at the smoke profile against the embedded stand-in, as a user runs
 * it; and a data-rate goal that is missed fails the run in its unit (the runtime's end-to-end test
 * proves an impossible goal fails a run).
 */
class RegistrySimulationsEndToEndTest extends SimulationsEndToEndTest {
  RegistrySimulationsEndToEndTest() {
    super(RegistrySystem.SPEC, "embedded OCI registry stand-in at http://127.0.0.1:");
  }

  @Test
  void aDataRateGoalThatIsMissedFailsTheRunInItsUnit() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RegistryBlobsSimulation.class, Map.of("profile", "smoke",
        "overrides", "registry.blobs.goals.\"GET /v2/{name}/blobs/{digest}\".data-rate = 100GB/s"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).containsPattern("GET /v2/\\{name\\}/blobs/\\{digest\\}: count of all events is greater than or equal to"
        + " 476838.0 : false \\(actual : \\d+");
    RunSummary summary = SummaryFiles.read(GatlingRun.runFolder(run.output()).resolve(SummaryFiles.NAME));
    assertThat(summary.goals()).filteredOn(g -> g.metric().equals("data-rate") && !g.met()).singleElement()
        .satisfies(g -> assertThat(g.message()).matches("data-rate of \"GET /v2/\\{name\\}/blobs/\\{digest\\}\" was [\\d.]+ GB/s"
            + " \\(\\d+ requests of 1048576 bytes in 5 s\\); goal >= 100GB/s"));
  }
}
