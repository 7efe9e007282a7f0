package loadsuite.nebulagc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import loadsuite.nebulagc.standin.NebulaStandIn;
import org.junit.jupiter.api.Test;

/** The workloads' bundles: the size asked for, one length whatever the seed, other bytes per seed, and taken by the server. */
class NebulaBundleTest {
  @Test
  void aBundleHasTheSizeAskedForWithinATarBlock() {
    for (long size : List.of(64L << 10, 256L << 10, 1_000_000L, 1L << 20)) {
      assertThat(NebulaBundle.generate(size, 0).length).as("bundle of %d bytes", size).isBetween((int) size - 512, (int) size + 512);
    }
  }

  @Test
  void everySeedGivesOtherBytesOfTheSameLength() {
    byte[] first = NebulaBundle.generate(1_000_000, 1);
    byte[] second = NebulaBundle.generate(1_000_000, 2);
    assertThat(second).hasSameSizeAs(first).isNotEqualTo(first);
    assertThat(NebulaBundle.generate(1_000_000, 1)).isEqualTo(first);
  }

  @Test
  void theServerTakesItAndServesItBack() {
    NebulaCredentials credentials = NebulaCredentials.EMBEDDED;
    try (NebulaStandIn server = NebulaStandIn.start("127.0.0.1", 0, credentials.standInOptions())) {
      NebulaAdmin admin = new NebulaAdmin(server.baseUrl(), credentials, "bundle-test");
      byte[] bundle = NebulaBundle.generate(1_000_000, 7);
      long version = admin.uploadBundle(bundle);
      assertThat(version).isPositive();
      assertThat(admin.uploadBundle(NebulaBundle.generate(64 << 10, 8))).isEqualTo(version + 1);
    }
  }
}
