package loadsuite.nebulagc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loadsuite.nebulagc.standin.NebulaStandIn;
import loadsuite.suite.GatlingRun;
import loadsuite.suite.SimulationsEndToEndTest;
import loadsuite.suite.SuiteSimulation;
import org.junit.jupiter.api.Test;

/**
 * Every NebulaGC simulation at the smoke profile against the embedded stand-in, with the real
 * server's rate limits on, as a user runs it; that targets.conf gates the run; that a load past the
 * limits for its nodes or its client addresses gets 429s, which fail it; that numbers which cannot
 * fit stop it before any load; and external mode with the operator's tokens.
 */
class NebulaSimulationsEndToEndTest extends SimulationsEndToEndTest {
  NebulaSimulationsEndToEndTest() {
    super(NebulaSystem.SPEC, "embedded NebulaGC stand-in at http://127.0.0.1:");
  }

  @Override
  protected void alsoShows(Class<?> simulation, String output) {
    assertThat(output).contains("The NebulaGC fleet of nebulagc.").contains("sized to use at most 80 % of each of the server's limits");
    if (simulation == NebulaPollersSimulation.class) {
      // 10 pollers, 2 uploads (targets.conf, smoke): every poller's detection of every upload, none failed
      assertThat(output).containsPattern("\nupdate detection +20 +0\\.00% ");
    }
  }

  @Test
  void aRatePastTheLimitOfItsNodesGets429sWhichFailTheRun() throws Exception {
    assertRateLimited("nodes", "1 node, each shared by up to", "/config per node");
  }

  @Test
  void aRatePastTheLimitOfItsClientAddressGets429sWhichFailTheRun() throws Exception {
    assertRateLimited("client-addresses", "1 client address 127.0.0.2", "requests per client IP");
  }

  /** The smoke version checks with one {@code key} (nodes, client addresses) and {@code rate-limits = exceed}: 429s, failed. */
  private static void assertRateLimited(String key, String plan, String limit) throws Exception {
    GatlingRun.Result run = GatlingRun.run(NebulaVersionSimulation.class,
        Map.of("profile", "smoke", "nebulagc.version." + key, "1", "nebulagc.version.rate-limits", "exceed"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).contains(plan)
        .contains("rate-limits = exceed: past the server's limit on " + limit + "; expect 429s")
        .containsPattern("status\\.find\\.is\\(200\\), found 429")
        .containsPattern("Global: percentage of failed events is less than or equal to 0.0 : false \\(actual : [1-9]");
  }

  @Test
  void numbersThatCannotFitTheLimitsStopTheRunBeforeAnyLoad() throws Exception {
    GatlingRun.Result run = GatlingRun.run(NebulaVersionSimulation.class,
        Map.of("profile", "smoke", "nebulagc.version.nodes", "1"), TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
    assertThat(run.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT")
        .containsPattern("'nebulagc\\.version\\.nodes' must be at least \\d+ for this load \\(or auto: one per connection\\): the server"
            + " allows 10/s with a burst of 20 per node on /config")
        .doesNotContain("Simulation loadsuite.nebulagc.NebulaVersionSimulation started").doesNotContain("\tat ");
  }

  @Test
  void externalModeUsesTheOperatorsTokensAndNeedsThem() throws Exception {
    String admin = "operator-admin-token-" + "a".repeat(30);
    String cluster = "operator-cluster-token-" + "c".repeat(30);
    try (NebulaStandIn server = NebulaStandIn.start("127.0.0.1", 0, NebulaStandIn.Options.defaults(admin, cluster))) {
      Map<String, String> external = Map.of("profile", "smoke", "sut.mode", "external", "sut.url", server.baseUrl());

      GatlingRun.Result missing = GatlingRun.run(NebulaTopologySimulation.class, external, TIMEOUT_SECONDS);
      assertThat(missing.exitCode()).as(missing.output()).isEqualTo(SuiteSimulation.STOPPED_BEFORE_LOAD);
      assertThat(missing.output()).contains("STOPPED BEFORE ANY LOAD WAS SENT: the NebulaGC server's tokens are needed")
          .contains("-Dsut.credentials.nebulagc.admin-token=");

      Map<String, String> withTokens = new java.util.HashMap<>(external);
      withTokens.put("sut.credentials.nebulagc.admin-token", admin);
      withTokens.put("sut.credentials.nebulagc.cluster-token", cluster);
      GatlingRun.Result run = GatlingRun.run(NebulaTopologySimulation.class, withTokens, TIMEOUT_SECONDS);
      run.assertMetEveryGoal("external nebulagc at " + server.baseUrl(), "nebulagc.topology");
      assertThat(run.output()).contains("admin token oper…, cluster token oper…").doesNotContain(admin).doesNotContain(cluster);
    }
  }
}
