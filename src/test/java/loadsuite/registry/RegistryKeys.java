package loadsuite.registry;

import loadsuite.config.Section;
import loadsuite.load.Mix;
import loadsuite.oci.Blob;
import loadsuite.oci.OciImage;

/** The registry's own workload keys, each read by the workloads that send what they size. */
final class RegistryKeys {
  private RegistryKeys() {}

  /**
   * {@code layer-count} and {@code layer-size}: the image a workload pulls (besides its config blob),
   * whose manifest CNCF Distribution must take ({@link ManifestLimit}).
   */
  record Image(int layerCount, long layerSize) {
    static Image read(Section workload) {
      long layerSize = workload.size("layer-size");
      return new Image(ManifestLimit.layerCount(workload, layerSize), layerSize);
    }

    OciImage generate() {
      return OciImage.generate(layerCount, layerSize);
    }
  }

  /** The image a workload pushes, and {@link PushedContent its content}. */
  record PushedImage(Image image, PushedContent content) {
    static PushedImage read(Section workload) {
      PushedContent content = PushedContent.read(workload);
      return new PushedImage(checked(Image.read(workload), content, workload), content);
    }

    private static Image checked(Image image, PushedContent content, Section workload) {
      requireMark(content, image.layerSize(), "layer-size", workload);
      return image;
    }
  }

  /** {@code blob-size}: each blob a workload uploads (and downloads), and {@link PushedContent its content}. */
  record BlobSize(long blobSize, PushedContent content) {
    static BlobSize read(Section workload) {
      PushedContent content = PushedContent.read(workload);
      long size = workload.size("blob-size");
      requireMark(content, size, "blob-size", workload);
      return new BlobSize(size, content);
    }

    Blob generate() {
      return Blob.generate(blobSize);
    }
  }

  /** The image, and {@code write-percent}: the share of pushes in a pull-heavy mix. */
  record MixedImages(PushedImage pushed, Mix mix) {
    static MixedImages read(Section workload) {
      return new MixedImages(PushedImage.read(workload), Mix.read(workload));
    }
  }

  /** Unique content marks the last bytes of each blob. */
  private static void requireMark(PushedContent content, long size, String key, Section workload) {
    if (content == PushedContent.UNIQUE && size < UniqueBlobs.MARK) {
      throw workload.error(key, "at least " + UniqueBlobs.MARK + "B with content = unique (its last bytes make each push new)");
    }
  }
}
