package loadsuite.nebulagc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import org.junit.jupiter.api.Test;

/**
 * The fleets of targets.conf's NebulaGC workloads under the real server's limits: how many nodes and
 * client addresses each needs, and the numbers that cannot fit, refused with the key to change.
 */
class NebulaFleetPlanTest {
  /** A workload of targets.conf at {@code profile}, with values of the profile overridden as -D does. */
  private static Section workload(String profile, String workload, String... keyValues) {
    Properties properties = new Properties();
    properties.setProperty("profile", profile);
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty("nebulagc." + workload + "." + keyValues[i], keyValues[i + 1]);
    }
    return Targets.load(Path.of("targets.conf"), properties).workload(NebulaSystem.NAME, workload);
  }

  private static FleetPlan nightly(String workload, Traffic traffic, String... keyValues) {
    return FleetPlan.read(workload("nightly", workload, keyValues), traffic);
  }

  @Test
  void nightlyVersionChecksNeedANodePerConnectionAndThirteenAddresses() {
    FleetPlan plan = nightly("version", Traffic.ONE_CONFIG_REQUEST);
    assertThat(plan.nodes()).isEqualTo(200);
    assertThat(plan.addresses()).hasSize(13).startsWith("127.0.0.2").endsWith("127.0.0.14");
    assertThat(plan.exceedsLimits()).isFalse();
    assertThat(plan.lines()).contains("200 nodes, one per connection, created before the load",
        "  /config: up to 5/s per node (server limit 10/s with a burst of 20 per node)",
        "13 client addresses (127.0.0.2 to 127.0.0.14), up to 16 connections and 80/s each (server limit 100/s with a burst of 200 per client IP)");
  }

  @Test
  void everyNightlyWorkloadFitsWithTheFleetItsCommentSays() {
    assertThat(nightly("nodes", Traffic.NODE_CRUD)).satisfies(plan -> {
      assertThat(plan.nodes()).isEqualTo(20);
      assertThat(plan.addresses()).hasSize(7);
      assertThat(plan.lines().get(0)).startsWith("20 admin nodes");
    });
    assertThat(nightly("mixed", Traffic.mixed(0.2))).satisfies(plan -> {
      assertThat(plan.nodes()).isEqualTo(260);
      assertThat(plan.addresses()).hasSize(33);
    });
    assertThat(nightly("topology", Traffic.TOPOLOGY)).satisfies(plan -> {
      assertThat(plan.nodes()).isEqualTo(12);
      assertThat(plan.addresses()).hasSize(3);
      assertThat(plan.lines()).contains("  /topology: 60/s for the one cluster (server limit 100/s with a burst of 200 per cluster)");
    });
    assertThat(nightly("connections", Traffic.POLL)).satisfies(plan -> {
      assertThat(plan.nodes()).isEqualTo(1000);
      assertThat(plan.addresses()).hasSize(5);
    });
    assertThat(nightly("concurrent-downloads", Traffic.ONE_CONFIG_REQUEST)).satisfies(plan -> {
      assertThat(plan.nodes()).isEqualTo(50);
      assertThat(plan.addresses()).containsExactly("127.0.0.2");
      assertThat(plan.lines()).anySatisfy(line -> assertThat(line).contains("50 at once"));
    });
    assertThat(nightly("pollers", Traffic.POLL).addresses()).containsExactly("127.0.0.2");
  }

  @Test
  void tooFewConnectionsForTheRateAreRefusedNamingConnections() {
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "connections", "100"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'nebulagc.version.connections' must be at least 125 for 1000/s (one node each): the server allows"
            + " 10/s with a burst of 20 per node on /config, and this load plans for 80 % of it");
  }

  @Test
  void tooFewNodesOrAddressesAreRefusedWithTheFewestThatFit() {
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "nodes", "100"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'nebulagc.version.nodes' must be at least 200 for this load");
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "client-addresses", "5"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'nebulagc.version.client-addresses' must be at least 13 for this load")
        .hasMessageContaining("100/s with a burst of 200 per client IP");
  }

  @Test
  void moreTopologyQueriesThanTheClusterAllowsAreRefusedNamingTheRate() {
    assertThatThrownBy(() -> nightly("topology", Traffic.TOPOLOGY, "rate", "150/s", "connections", "40"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'nebulagc.topology.rate' must be lower: 150/s of topology queries for the one cluster, and the server"
            + " allows 100/s with a burst of 200 per cluster");
  }

  @Test
  void exceedKeepsTheNumbersAndSaysWhichLimitsThePlanPasses() {
    FleetPlan plan = nightly("version", Traffic.ONE_CONFIG_REQUEST, "nodes", "1", "client-addresses", "1", "rate-limits", "exceed");
    assertThat(plan.nodes()).isEqualTo(1);
    assertThat(plan.addresses()).containsExactly("127.0.0.2");
    assertThat(plan.exceedsLimits()).isTrue();
    assertThat(plan.lines()).contains("1 node, each shared by up to 200 connections, created before the load")
        .last().isEqualTo("rate-limits = exceed: past the server's limit on /config per node, requests per client IP;"
            + " expect 429s, which count as failed requests");
  }

  @Test
  void badValuesOfTheFleetKeysAreRefused() {
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "nodes", "0"))
        .hasMessageContaining("'nebulagc.version.nodes' must be auto or a whole number above zero");
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "nodes", "201"))
        .hasMessageContaining("'nebulagc.version.nodes' must be auto or at most connections (200)");
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "client-addresses", "254"))
        .hasMessageContaining("'nebulagc.version.client-addresses' must be auto or at most 200");
    assertThatThrownBy(() -> nightly("version", Traffic.ONE_CONFIG_REQUEST, "rate-limits", "ignore"))
        .hasMessageContaining("'nebulagc.version.rate-limits' must be respect");
    assertThat(nightly("version", Traffic.ONE_CONFIG_REQUEST, "nodes", "auto", "client-addresses", "20").addresses()).hasSize(20);
  }

  @Test
  void thePollersNeedASteadyPeriodAndRoomForAnUploadAndItsDetection() {
    assertThat(NebulaKeys.Pollers.read(workload("nightly", "pollers")).uploadInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> NebulaKeys.Pollers.read(workload("nightly", "pollers", "upload-interval", "80s")))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'nebulagc.pollers.upload-interval' must be short enough");
    assertThatThrownBy(() -> NebulaKeys.Pollers.read(workload("nightly", "pollers", "shape", "spike", "base-rate", "10/s",
            "peak-rate", "20/s", "base-duration", "30s", "peak-duration", "30s")))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'nebulagc.pollers.shape' must be sustained for the pollers");
  }

  @Test
  void uploadsArePlannedWhereTheirDeadlineAndOneMorePollFit() {
    // nightly: 90 s, an upload every 30 s, polls every 5 s: at 30 s and 60 s (60 + 15 + 5 <= 90), not at 90 s
    assertThat(UpdateDetection.plannedUploads(Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(5))).isEqualTo(2);
    assertThat(UpdateDetection.plannedUploads(Duration.ofSeconds(9), Duration.ofSeconds(2), Duration.ofSeconds(1))).isEqualTo(2);
    assertThat(UpdateDetection.plannedUploads(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5))).isZero();
    assertThat(UpdateDetection.period(100, 20)).isEqualTo(Duration.ofSeconds(5));
  }
}
