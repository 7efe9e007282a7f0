package loadsuite.registry;

import loadsuite.config.Section;
import loadsuite.load.Mix;
import loadsuite.oci.Blob;
import loadsuite.oci.OciImage;

/** The registry's own workload keys, each read by the workloads that send what they size. */
final class RegistryKeys {
  private RegistryKeys() {}

  /** {@code layer-count} and {@code layer-size}: the image a workload pushes or pulls (besides its config blob). */
  record Image(int layerCount, long layerSize) {
    static Image read(Section workload) {
      return new Image(workload.positiveInt("layer-count"), workload.size("layer-size"));
    }

    OciImage generate() {
      return OciImage.generate(layerCount, layerSize);
    }
  }

  /** {@code blob-size}: each blob a workload uploads or downloads. */
  record BlobSize(long blobSize) {
    static BlobSize read(Section workload) {
      return new BlobSize(workload.size("blob-size"));
    }

    Blob generate() {
      return Blob.generate(blobSize);
    }
  }

  /** The image, and {@code write-percent}: the share of pushes in a pull-heavy mix. */
  record MixedImages(Image image, Mix mix) {
    static MixedImages read(Section workload) {
      return new MixedImages(Image.read(workload), Mix.read(workload));
    }
  }
}
