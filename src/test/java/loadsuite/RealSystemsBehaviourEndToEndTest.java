package loadsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import loadsuite.freightliner.FreightlinerJobsSimulation;
import loadsuite.freightliner.standin.FreightlinerStandIn;
import loadsuite.nebulagc.NebulaTopologySimulation;
import loadsuite.nebulagc.standin.NebulaStandIn;
import loadsuite.packs.PacksInstallSimulation;
import loadsuite.packs.standin.PacksStandIn;
import loadsuite.registry.RegistryMixedSimulation;
import loadsuite.registry.RegistryPushSimulation;
import loadsuite.registry.standin.RegistryStandIn;
import loadsuite.registry.standin.Storage;
import loadsuite.runtime.RuntimeMixedSimulation;
import loadsuite.runtime.standin.RuntimeStandIn;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.Test;

/**
 * A simulation of each system, in external mode, behind a {@link FrontServer} that serves the
 * stand-in under a path prefix ({@code /api}) and shows what a real implementation does that the
 * stand-in does not: the health check, the preparation and the load all keep the prefix, and each
 * passes. The registry refuses an HTTP/2 upgrade and keeps one blob store for all repositories; the
 * job API answers a submission with {@code running}. And a job API that says completed for a failed
 * copy, as the real Freightliner does, fails the run with a message that says so.
 */
class RealSystemsBehaviourEndToEndTest {
  private static final long TIMEOUT_SECONDS = 300;
  private static final String PREFIX = "/api";

  private static Map<String, String> external(String url) {
    return new HashMap<>(Map.of("profile", "smoke", "sut.mode", "external", "sut.url", url));
  }

  @Test
  void theRuntimeUnderAPrefix() throws Exception {
    try (RuntimeStandIn runtime = RuntimeStandIn.start("127.0.0.1", 0);
        FrontServer front = FrontServer.start(runtime.baseUrl(), FrontServer.Options.prefix(PREFIX))) {
      GatlingRun.run(RuntimeMixedSimulation.class, external(front.baseUrl()), TIMEOUT_SECONDS)
          .assertMetEveryGoal("external runtime at " + front.baseUrl(), "runtime.mixed");
    }
  }

  @Test
  void aRegistryUnderAPrefixWithGlobalBlobsThatRefusesAnHttp2Upgrade() throws Exception {
    try (RegistryStandIn registry = RegistryStandIn.start("127.0.0.1", 0, Storage.memory(), RegistryStandIn.BlobScope.GLOBAL);
        FrontServer front = FrontServer.start(registry.baseUrl(), FrontServer.Options.prefix(PREFIX).refusingHttp2Upgrade())) {
      GatlingRun.Result run = GatlingRun.run(RegistryMixedSimulation.class, external(front.baseUrl()), TIMEOUT_SECONDS);
      run.assertMetEveryGoal("external registry at " + front.baseUrl(), "registry.mixed");
      assertThat(run.output()).as("every push uploads its new layers").containsPattern("\nPATCH \\{upload location\\} +[1-9]");
    }
  }

  @Test
  void sharedContentOnGlobalBlobsIsNotUploadedAgain() throws Exception {
    try (RegistryStandIn registry = RegistryStandIn.start("127.0.0.1", 0, Storage.memory(), RegistryStandIn.BlobScope.GLOBAL)) {
      Map<String, String> properties = external(registry.baseUrl());
      properties.put("registry.push.content", "shared");
      GatlingRun.Result run = GatlingRun.run(RegistryPushSimulation.class, properties, TIMEOUT_SECONDS);
      run.assertMetEveryGoal("external registry at " + registry.baseUrl(), "registry.push");
      assertThat(run.output()).containsPattern("\nHEAD /v2/\\{name\\}/blobs/\\{digest\\} +[1-9]\\d* +0\\.00%")
          .as("the warm-up's pushes uploaded the blobs; the measured ones found them").doesNotContain("\nPATCH {upload location} ");
    }
  }

  @Test
  void packsUnderAPrefix() throws Exception {
    try (PacksStandIn packs = PacksStandIn.start("127.0.0.1", 0, PacksStandIn.Options.defaults().withRegistrySize(100));
        FrontServer front = FrontServer.start(packs.baseUrl(), FrontServer.Options.prefix(PREFIX))) {
      GatlingRun.run(PacksInstallSimulation.class, external(front.baseUrl()), TIMEOUT_SECONDS)
          .assertMetEveryGoal("external packs at " + front.baseUrl(), "packs.install");
    }
  }

  @Test
  void nebulaGcUnderAPrefixWithTheRealTopologyBody() throws Exception {
    String admin = "operator-admin-token-" + "a".repeat(30);
    String cluster = "operator-cluster-token-" + "c".repeat(30);
    try (NebulaStandIn nebula = NebulaStandIn.start("127.0.0.1", 0, NebulaStandIn.Options.defaults(admin, cluster));
        FrontServer front = FrontServer.start(nebula.baseUrl(), FrontServer.Options.prefix(PREFIX))) {
      Map<String, String> properties = external(front.baseUrl());
      properties.put("sut.credentials.nebulagc.admin-token", admin);
      properties.put("sut.credentials.nebulagc.cluster-token", cluster);
      GatlingRun.Result run = GatlingRun.run(NebulaTopologySimulation.class, properties, TIMEOUT_SECONDS);
      run.assertMetEveryGoal("external nebulagc at " + front.baseUrl(), "nebulagc.topology");
      assertThat(run.output()).containsPattern("\nGET /api/v1/topology +[1-9]\\d* +0\\.00%");
    }
  }

  @Test
  void aFreightlinerJobApiUnderAPrefixThatAnswersRunning() throws Exception {
    GatlingRun.Result run = jobsBehind(FrontServer.Options.prefix(PREFIX)
        .changingBodies(body -> body.replace("\"status\":\"pending\"", "\"status\":\"running\"")));
    run.assertMetEveryGoal("external freightliner", "freightliner.jobs");
    assertThat(run.output()).containsPattern("\nPOST /api/v1/replicate +[1-9]\\d* +0\\.00%");
  }

  @Test
  void aJobApiThatSaysCompletedForAFailedCopyFailsTheRunAndSaysSo() throws Exception {
    GatlingRun.Result run = jobsBehind(FrontServer.Options.prefix("").changingBodies(body -> body
        .replace("\"Success\":true", "\"Success\":false").replace("\"RepositoriesFailed\":0", "\"RepositoriesFailed\":3")));
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).contains("> a replicate job said completed, but its result says Success false")
        .contains("> a replicate-tree job said completed, but its result says RepositoriesFailed > 0")
        .containsPattern("\njob completion +[1-9]\\d* +100\\.00%");
  }

  /** The jobs workload against a Freightliner job API stand-in behind a front server, between two registry stand-ins. */
  private static GatlingRun.Result jobsBehind(FrontServer.Options front) throws Exception {
    String key = "operator-key-" + System.nanoTime();
    try (RegistryStandIn source = RegistryStandIn.start("127.0.0.1", 0);
        RegistryStandIn destination = RegistryStandIn.start("127.0.0.1", 0);
        FreightlinerStandIn api = FreightlinerStandIn.start("127.0.0.1", 0, new FreightlinerStandIn.Options(key, 4));
        FrontServer server = FrontServer.start(api.baseUrl(), front)) {
      Map<String, String> properties = new HashMap<>(Map.of("profile", "smoke", "sut.mode", "external", "sut.urls.api", server.baseUrl(),
          "sut.urls.source", source.baseUrl(), "sut.urls.destination", destination.baseUrl(),
          "sut.credentials.freightliner.api-key", key));
      return GatlingRun.run(FreightlinerJobsSimulation.class, properties, TIMEOUT_SECONDS);
    }
  }
}
