package loadsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import loadsuite.config.Rate;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.container.ContainerEngine;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciImage;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;
import loadsuite.suite.SystemsUnderTest;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * A system of two services, a source and a destination registry (the shape of Freightliner's), in
 * every mode: each has its own base URL, an image copied from one to the other keeps its digests,
 * and every service the suite started is stopped afterwards, also when a later one fails to start.
 */
class TwoRegistriesTest {
  private static final SystemSpec MIRROR = SystemSpec.named("mirror")
      .service(RegistrySystem.registry("source"))
      .service(RegistrySystem.registry("destination"))
      .build();
  private static final Workload WORKLOAD = new Workload("mirror.copy", 1, Duration.ZERO,
      new Shape.Sustained(new Rate(1), Duration.ofSeconds(1)), 1, null);
  private static final String DISTRIBUTION = "loadsuite/distribution:local";
  private static final Map<String, String> DISTRIBUTION_CONTAINER = Map.of(
      "image.public", "registry:2", "image.local", DISTRIBUTION, "env.REGISTRY_HTTP_ADDR", "127.0.0.1:{port}", "command", "",
      "goals.startup", "60s", "goals.idle-memory", "1GiB", "goals.peak-memory", "1GiB");

  @TempDir Path dir;

  private static Section sut(Map<String, String> values) {
    Properties properties = new Properties();
    properties.putAll(values);
    return Targets.load(Path.of("targets.conf"), properties).sut();
  }

  /** Pushes an image into the source, copies it to the destination, and reads it back there. */
  private static void copyAndCompare(RunningSystem system) {
    OciImage image = OciImage.generate(2, 64 * 1024);
    OciClient source = new OciClient(system.baseUrl("source"));
    OciClient destination = new OciClient(system.baseUrl("destination"));
    source.pushImage("mirror/app", "v1", image);
    assertThat(source.copyImage("mirror/app", "v1", destination, "mirror/app", false)).isEqualTo(image.manifest().digest());
    assertThat(destination.pullManifest("mirror/app", "v1", OciImage.MANIFEST_TYPE)).isEqualTo(image.manifest().content());
    image.blobs().forEach(blob -> assertThat(destination.pullBlob("mirror/app", blob.digest())).isEqualTo(blob.content()));
  }

  private static boolean answers(String baseUrl) {
    URI uri = URI.create(baseUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  @Test
  void embeddedStartsAStandInPerServiceAndStopsBoth() {
    RunningSystem system = SystemsUnderTest.start(sut(Map.of()), MIRROR, WORKLOAD);
    try (system) {
      assertThat(system.baseUrl("source")).isNotEqualTo(system.baseUrl("destination"));
      copyAndCompare(system);
    }
    assertThat(answers(system.baseUrls().get("source"))).isFalse();
    assertThat(answers(system.baseUrls().get("destination"))).isFalse();
  }

  @Test
  void aStandInBesideARealRegistry() throws Exception {
    try (DistributionProcess distribution = DistributionProcess.start(dir);
        RunningSystem system = SystemsUnderTest.start(sut(Map.of("sut.urls.destination", distribution.url())), MIRROR, WORKLOAD)) {
      assertThat(system.baseUrl("destination")).isEqualTo(distribution.url());
      assertThat(system.description()).contains("embedded OCI registry stand-in", "external mirror destination at " + distribution.url());
      copyAndCompare(system);
    }
  }

  @Test
  void externalModeReachesEveryServiceAtItsOwnUrl() throws Exception {
    try (DistributionProcess source = DistributionProcess.start(dir.resolve("source"));
        DistributionProcess destination = DistributionProcess.start(dir.resolve("destination"));
        RunningSystem system = SystemsUnderTest.start(sut(Map.of("sut.mode", "external",
            "sut.urls.source", source.url(), "sut.urls.destination", destination.url())), MIRROR, WORKLOAD)) {
      assertThat(system.mode()).isEqualTo("external");
      copyAndCompare(system);
    }
  }

  @Test
  void containerModeStartsAContainerPerServiceAndStopsThemAllAlsoWhenOneFails() {
    requireEngineAndImage();
    Map<String, String> values = new java.util.HashMap<>(Map.of("sut.mode", "container", "sut.container.images", "local"));
    DISTRIBUTION_CONTAINER.forEach((key, value) -> {
      values.put("sut.container.mirror.source." + key, value);
      values.put("sut.container.mirror.destination." + key, value);
    });
    RunningSystem system = SystemsUnderTest.start(sut(values), MIRROR, WORKLOAD);
    try (system) {
      assertThat(system.probes()).extracting(p -> p.label()).containsExactly("mirror source", "mirror destination");
      copyAndCompare(system);
    }
    assertThat(answers(system.baseUrls().get("source"))).isFalse();
    assertThat(answers(system.baseUrls().get("destination"))).isFalse();

    values.put("sut.container.mirror.destination.image.local", "loadsuite/not-built:local");
    long running = distributionContainers();
    assertThatThrownBy(() -> SystemsUnderTest.start(sut(values), MIRROR, WORKLOAD))
        .isInstanceOf(SutUnavailableException.class)
        .hasMessageContaining("loadsuite/not-built:local");
    // the source container had started before the destination's image was found missing
    assertThat(distributionContainers()).isEqualTo(running);
  }

  private static long distributionContainers() {
    return DockerClientFactory.instance().client().listContainersCmd().withAncestorFilter(java.util.List.of(DISTRIBUTION)).exec().size();
  }

  private static void requireEngineAndImage() {
    String missing = null;
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      missing = "no container engine answers: start one with `bash .ci/engine start` (as root)";
    } else if (!ContainerEngine.hasImage(DockerClientFactory.instance().client(), DISTRIBUTION)) {
      missing = "the local image " + DISTRIBUTION + " is missing: ./mvnw test-compile exec:java@images -Dsut.container.images=local";
    }
    if (missing != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
  }
}
