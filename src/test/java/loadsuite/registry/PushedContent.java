package loadsuite.registry;

import java.util.List;
import java.util.function.Supplier;
import loadsuite.config.Section;
import loadsuite.oci.Blob;
import loadsuite.oci.OciImage;

/**
 * {@code content} of the workloads that push: {@code unique} (the default) sends new bytes in every
 * image or blob, so that every push measures the upload path, also on a registry that keeps one blob
 * store for all repositories (the seed's own); {@code shared} sends the same bytes every time, so that
 * a registry that holds them already answers the HEAD with 200 and the push skips the upload, as real
 * clients do: a measure of its deduplication.
 */
enum PushedContent {
  UNIQUE, SHARED;

  static PushedContent read(Section workload) {
    if (!workload.has("content")) {
      return UNIQUE;
    }
    return switch (workload.string("content").trim()) {
      case "unique" -> UNIQUE;
      case "shared" -> SHARED;
      default -> throw workload.error("content", "unique (new bytes in every push: the upload path is measured) or shared (the"
          + " same bytes: a registry that holds them skips the upload)");
    };
  }

  /** The blob of each push: {@code blob}, or new content of its size. */
  Supplier<Blob> of(Blob blob) {
    return this == SHARED ? () -> blob : new UniqueBlobs(blob)::next;
  }

  /** The image of each push: {@code image}, or one of new layers of its layers' sizes (and so a new config and manifest). */
  Supplier<OciImage> of(OciImage image) {
    if (this == SHARED) {
      return () -> image;
    }
    List<UniqueBlobs> layers = image.layers().stream().map(UniqueBlobs::new).toList();
    return () -> OciImage.of(layers.stream().map(UniqueBlobs::next).toList());
  }
}
