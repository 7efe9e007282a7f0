package loadsuite.registry;

import loadsuite.config.Section;
import loadsuite.oci.Blob;
import loadsuite.oci.OciImage;

/**
 * The largest manifest CNCF Distribution takes, and so the most layers an image the suite pushes to
 * it may have. Distribution's PutManifest reads the body with a limit of {@code maxManifestBodySize}
 * (registry/handlers/manifests.go: {@code = 4 << 20} at line 31 of docker/distribution 2dc65b75,
 * {@code = 4 * 1024 * 1024} at line 32 of distribution/distribution 00f0ef83) and answers a larger
 * one 400 {@code MANIFEST_INVALID} ("http: request body too large"), as Debian's docker-registry
 * 2.8.2 does here to a body of 4MiB + 1 byte. The registry stand-in refuses it too (413).
 */
public final class ManifestLimit {
  /** Distribution's {@code maxManifestBodySize}. */
  public static final int MAX_BYTES = 4 << 20;

  private ManifestLimit() {}

  /** The most layers of {@code layerSize} bytes whose manifest is at most {@link #MAX_BYTES}. */
  static int maxLayerCount(long layerSize) {
    int low = 0;
    int high = MAX_BYTES;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (OciImage.manifestBytes(mid, layerSize) <= MAX_BYTES) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /**
   * {@code layer-count} of a workload whose image has layers of {@code layerSize} bytes, at most the
   * count whose manifest Distribution takes: a larger one would be refused at the manifest PUT, after
   * every blob had been uploaded.
   */
  public static int layerCount(Section workload, long layerSize) {
    int count = workload.positiveInt("layer-count");
    int max = maxLayerCount(layerSize);
    if (count > max) {
      throw workload.error("layer-count", "at most " + max + " with layer-size = " + Blob.sizeText(layerSize) + " (a manifest of "
          + count + " layers is " + OciImage.manifestBytes(count, layerSize) + " bytes), the most whose manifest is within 4MiB,"
          + " the largest manifest CNCF Distribution takes");
    }
    return count;
  }
}
