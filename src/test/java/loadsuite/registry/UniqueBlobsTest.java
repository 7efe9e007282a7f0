package loadsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import loadsuite.oci.Blob;
import loadsuite.oci.OciImage;
import org.junit.jupiter.api.Test;

class UniqueBlobsTest {
  @Test
  void eachBlobIsNewContentOfTheTemplatesSizeWithItsOwnDigest() {
    Blob template = Blob.generate(4096);
    UniqueBlobs blobs = new UniqueBlobs(template);

    Blob first = blobs.next();
    Blob second = blobs.next();

    assertThat(first.size()).isEqualTo(template.size());
    assertThat(first.digest()).as("the digest of its content").isEqualTo(Blob.sha256(first.content()));
    assertThat(second.digest()).isEqualTo(Blob.sha256(second.content())).isNotEqualTo(first.digest()).isNotEqualTo(template.digest());
    assertThat(Arrays.copyOf(first.content(), 4096 - UniqueBlobs.MARK)).as("the template's head")
        .isEqualTo(Arrays.copyOf(template.content(), 4096 - UniqueBlobs.MARK));
  }

  @Test
  void sharedContentIsTheSameImageEveryTimeAndUniqueANewOneOfItsShape() {
    OciImage image = OciImage.generate(2, 1024);

    OciImage shared = PushedContent.SHARED.of(image).get();
    OciImage unique = PushedContent.UNIQUE.of(image).get();

    assertThat(shared).isSameAs(image);
    assertThat(unique.layers()).hasSize(2).extracting(Blob::size).containsOnly(1024L);
    assertThat(unique.blobs()).extracting(Blob::digest).doesNotContainAnyElementsOf(image.blobs().stream().map(Blob::digest).toList());
    assertThat(unique.manifest().digest()).isNotEqualTo(image.manifest().digest());
  }
}
