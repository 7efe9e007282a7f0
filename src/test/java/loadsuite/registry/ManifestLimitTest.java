package loadsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import loadsuite.oci.OciImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestLimitTest {
  @ParameterizedTest
  @CsvSource({"0, 1", "1, 16", "2, 1000", "3, 100000", "11, 16"})
  void theComputedManifestSizeIsThatOfTheGeneratedImage(int layerCount, long layerSize) {
    assertThat(OciImage.manifestBytes(layerCount, layerSize)).isEqualTo(OciImage.generate(layerCount, layerSize).manifest().size());
  }

  @ParameterizedTest
  @CsvSource({"16", "65536", "2097152", "4294967296"})
  void theMostLayersMakeTheLargestManifestDistributionTakes(long layerSize) {
    int most = ManifestLimit.maxLayerCount(layerSize);
    assertThat(OciImage.manifestBytes(most, layerSize)).isLessThanOrEqualTo(ManifestLimit.MAX_BYTES);
    assertThat(OciImage.manifestBytes(most + 1, layerSize)).isGreaterThan(ManifestLimit.MAX_BYTES);
  }
}
