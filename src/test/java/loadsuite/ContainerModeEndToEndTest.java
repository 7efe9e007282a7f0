package loadsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loadsuite.container.ContainerEngine;
import loadsuite.freightliner.FreightlinerReplicationSimulation;
import loadsuite.freightliner.FreightlinerJobsSimulation;
import loadsuite.suite.GatlingRun;
import loadsuite.nebulagc.NebulaMixedSimulation;
import loadsuite.packs.PacksJourneySimulation;
import loadsuite.packs.PacksUpdateSimulation;
import loadsuite.packs.PacksSystem;
import loadsuite.registry.RegistryMixedSimulation;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.runtime.RuntimeSustainedSimulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;

/**
 * Container mode, on the local images (built with nothing pulled): one simulation of each system,
 * the one that sends the most kinds of its requests: the registry's against the real CNCF
 * Distribution container, the runtime's, packs' and NebulaGC's against their stand-ins'
 * containers, Freightliner's against its job API stand-in's container and two Distribution
 * containers, with the resource probes measured and gated. Every simulation's requests are proven
 * by its system's end-to-end test (embedded, and against Distribution); what container mode adds
 * is the containers' lifecycle, addresses and probes, which one run per system shows. Needs a container engine and the local images:
 * without them the tests are skipped with the reason, except on CI ({@code CI=true}), where that fails.
 */
class ContainerModeEndToEndTest {
  private static final long TIMEOUT_SECONDS = 180;
  private static final String DISTRIBUTION = "loadsuite/distribution:local";
  private static final String RUNTIME = "loadsuite/runtime-stand-in:local";
  private static final String PACKS = "loadsuite/packs-stand-in:local";
  private static final String NEBULAGC = "loadsuite/nebulagc-stand-in:local";
  private static final String FREIGHTLINER = "loadsuite/freightliner-stand-in:local";
  private static final Map<String, String> CONTAINER = Map.of(
      "profile", "smoke", "sut.mode", "container", "sut.container.images", "local");
  /** The job API stand-in is not the product: goals it trivially meets. */
  private static final Map<String, String> FREIGHTLINER_API_GOALS = Map.of("sut.container.freightliner.api.goals.startup", "60s",
      "sut.container.freightliner.api.goals.idle-memory", "1GiB", "sut.container.freightliner.api.goals.peak-memory", "1GiB");

  @BeforeAll
  static void requireEngineAndLocalImages() {
    String missing = null;
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      missing = "no container engine answers: start one with `bash .ci/engine start` (as root)";
    } else {
      DockerClient client = DockerClientFactory.instance().client();
      for (String image : List.of(DISTRIBUTION, RUNTIME, PACKS, NEBULAGC, FREIGHTLINER)) {
        if (!ContainerEngine.hasImage(client, image)) {
          missing = "the local image " + image + " is missing: build it with"
              + " ./mvnw test-compile exec:java@images -Dsut.container.images=local";
        }
      }
    }
    if (missing != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
  }

  @Test
  void theRegistrysMixedWorkloadMeetsItsGoalsAndTheSeedsProbeGoalsAgainstDistribution() throws Exception {
    GatlingRun.Result run = GatlingRun.run(RegistryMixedSimulation.class, CONTAINER, TIMEOUT_SECONDS);
    run.assertMetEveryGoal("container " + DISTRIBUTION + " (registry) at http://127.0.0.1:", "registry.");
    assertThat(run.output()).containsPattern("all requests +\\d+ +0\\.00% ");
    RunSummary summary = summaryOf(run);
    assertMeasured(summary.probes(), DISTRIBUTION);
    // seed 000's goals, as targets.conf has them: startup < 2 s, idle memory < 50 MB
    assertThat(summary.goals()).filteredOn(g -> RunSummary.CONTAINER_SCOPE.equals(g.scope()))
        .extracting(RunSummary.GoalResult::goal, RunSummary.GoalResult::met)
        .contains(
            org.assertj.core.groups.Tuple.tuple("startup of the registry container < 2s", true),
            org.assertj.core.groups.Tuple.tuple("idle-memory of the registry container < 50MB", true),
            org.assertj.core.groups.Tuple.tuple("peak-memory of the registry container < 512MB", true));
  }

  /**
   * Packs and NebulaGC against their stand-ins' containers (SQLite inside a FROM scratch image):
   * the journey, the update (its publishing turned on by the workload, through the container's
   * environment: its downloads goal needs newer versions) and the mixed workload at smoke. The stand-in is not the product: its probes are
   * checked as measured, against goals it trivially meets.
   */
  @ParameterizedTest
  @ValueSource(classes = {PacksJourneySimulation.class, PacksUpdateSimulation.class, NebulaMixedSimulation.class})
  void packsAndNebulaMeetTheirGoalsAgainstTheirStandInsContainer(Class<?> simulation) throws Exception {
    boolean packs = PacksSystem.SPEC.simulations().contains(simulation);
    String system = packs ? "packs" : "nebulagc";
    String image = packs ? PACKS : NEBULAGC;
    Map<String, String> properties = new HashMap<>(CONTAINER);
    properties.putAll(Map.of("sut.container." + system + ".goals.startup", "60s",
        "sut.container." + system + ".goals.idle-memory", "1GiB", "sut.container." + system + ".goals.peak-memory", "1GiB"));
    GatlingRun.Result run = GatlingRun.run(simulation, properties, TIMEOUT_SECONDS);
    run.assertMetEveryGoal("container " + image + " (" + system + ") at http://127.0.0.1:", system + ".");
    assertMeasured(summaryOf(run).probes(), image);
  }

  /**
   * Freightliner's three containers: the job API stand-in with its key from targets.conf and two
   * Distribution registries, all three used by the jobs workload (the API copies between the
   * registries, the suite checks the copies there); each one's probes measured, and all three
   * stopped after the run.
   */
  @Test
  void freightlinersJobsMeetTheirGoalsAgainstThreeContainers() throws Exception {
    Map<String, String> properties = new HashMap<>(CONTAINER);
    properties.putAll(FREIGHTLINER_API_GOALS);
    GatlingRun.Result run = GatlingRun.run(FreightlinerJobsSimulation.class, properties, TIMEOUT_SECONDS);
    run.assertMetEveryGoal("container " + FREIGHTLINER + " (freightliner api) at http://127.0.0.1:", "freightliner.");
    assertThat(run.output()).contains("container " + DISTRIBUTION + " (freightliner source) at http://127.0.0.1:")
        .contains("container " + DISTRIBUTION + " (freightliner destination) at http://127.0.0.1:");
    List<RunSummary.Probes> probes = summaryOf(run).probes();
    assertThat(probes).extracting(RunSummary.Probes::image).containsExactly(FREIGHTLINER, DISTRIBUTION, DISTRIBUTION);
    assertThat(probes).allSatisfy(p -> assertThat(p.measured()).isTrue());
    assertThat(DockerClientFactory.instance().client().listContainersCmd().exec()).as("containers left running").isEmpty();
  }

  @Test
  void aFailedFreightlinerRunStopsItsThreeContainersToo() throws Exception {
    Map<String, String> properties = new HashMap<>(CONTAINER);
    properties.putAll(FREIGHTLINER_API_GOALS);
    properties.put("overrides", "freightliner.replication.goals.\"copy image\".data-rate = 100GB/s");
    GatlingRun.Result run = GatlingRun.run(FreightlinerReplicationSimulation.class, properties, TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(DockerClientFactory.instance().client().listContainersCmd().exec()).as("containers left running").isEmpty();
  }

  /**
   * The stand-in is not the product: its probes are checked as measured, against goals it trivially
   * meets but one it cannot (idle memory under 1 KiB), which fails the run like a missed latency goal.
   */
  @Test
  void theRuntimesContainerIsProbedAndAMissedProbeGoalFailsTheRunLikeAMissedLatencyGoal() throws Exception {
    Map<String, String> properties = new HashMap<>(CONTAINER);
    // only idle-memory is missed: a busy machine may take the stand-in past its 2 s startup goal
    properties.putAll(Map.of("sut.container.runtime.goals.startup", "60s",
        "sut.container.runtime.goals.idle-memory", "1KiB", "sut.container.runtime.goals.peak-memory", "1GiB"));
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, properties, TIMEOUT_SECONDS);
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.output()).contains("container " + RUNTIME + " (runtime) at http://127.0.0.1:")
        .containsPattern("container " + RUNTIME + ": startup \\d+ ms, memory idle [\\d.]+ MiB, peak [\\d.]+ MiB")
        .containsPattern("Goal missed: idle-memory of the runtime container was [\\d.]+ MiB; goal < 1KiB")
        .contains("Reports generated");
    RunSummary summary = summaryOf(run);
    assertThat(summary.status()).isEqualTo(RunSummary.FAILED);
    assertThat(summary.missedGoals()).extracting(RunSummary.GoalResult::metric).containsExactly("idle-memory");
    assertThat(summary.goals()).extracting(RunSummary.GoalResult::metric).contains("startup", "peak-memory", "memory-per-1000rps", "p95");
    assertThat(run.output()).containsPattern("Goal met: memory-per-1000rps of the runtime container was [\\d.]+ MiB \\(peak [\\d.]+ MiB");
    assertMeasured(summary.probes(), RUNTIME);
  }

  @Test
  void aContainerThatNeverAnswersStopsTheRunWithTheEndOfItsLog() throws Exception {
    Map<String, String> properties = new HashMap<>(CONTAINER);
    // it listens on a port of its own choosing, so the health route on the suite's port never answers
    properties.putAll(Map.of("sut.container.runtime.command", "127.0.0.1 0",
        "sut.container.ready-timeout", "4s"));
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, properties, TIMEOUT_SECONDS);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output())
        .contains("STOPPED BEFORE ANY LOAD WAS SENT: the runtime container (" + RUNTIME + ") did not become ready")
        .contains("did not answer within sut.container.ready-timeout (4 s)")
        .containsPattern("The end of its log:\\n(.*\\n)*    \\| runtime stand-in at http://127\\.0\\.0\\.1:\\d+ ready")
        .doesNotContain("Simulation loadsuite.runtime.RuntimeSustainedSimulation started");
  }

  @Test
  void aMissingLocalImageStopsTheRunWithTheCommandThatBuildsIt() throws Exception {
    Map<String, String> properties = new HashMap<>(CONTAINER);
    properties.put("sut.container.runtime.image.local", "loadsuite/not-built:local");
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, properties, TIMEOUT_SECONDS);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output())
        .contains("STOPPED BEFORE ANY LOAD WAS SENT: the local image loadsuite/not-built:local is not on this machine")
        .contains("./mvnw test-compile exec:java@images")
        .doesNotContain("Simulation loadsuite.runtime.RuntimeSustainedSimulation started");
  }

  @Test
  void missingTestcontainersSettingsAreNamedWithTheirValues() throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("TESTCONTAINERS_RYUK_DISABLED", null);
    GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, CONTAINER, environment, TIMEOUT_SECONDS);
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.output())
        .contains("STOPPED BEFORE ANY LOAD WAS SENT: container mode needs, in the environment")
        .contains("export TESTCONTAINERS_RYUK_DISABLED=true")
        .doesNotContain("Simulation loadsuite.runtime.RuntimeSustainedSimulation started");
  }

  private static RunSummary summaryOf(GatlingRun.Result run) {
    Path folder = GatlingRun.runFolder(run.output());
    return SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
  }

  private static void assertMeasured(List<RunSummary.Probes> all, String image) {
    assertThat(all).hasSize(1);
    RunSummary.Probes probes = all.get(0);
    assertThat(probes.measured()).isTrue();
    assertThat(probes.image()).isEqualTo(image);
    assertThat(probes.startupMs()).isPositive();
    assertThat(probes.idleMemoryBytes()).isPositive();
    assertThat(probes.peakMemoryBytes()).isGreaterThanOrEqualTo(probes.idleMemoryBytes());
    assertThat(probes.samples()).isGreaterThanOrEqualTo(2);
  }
}
