package loadsuite.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An OCI image: a config blob, layers (registries do not look inside them) and the manifest that
 * lists them. {@link #generate} makes one from a fixed seed, so every run sends the same digests.
 */
public record OciImage(Blob config, List<Blob> layers, Blob manifest) {
  public static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String INDEX_TYPE = "application/vnd.oci.image.index.v1+json";
  public static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  public static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final long SEED = 38;
  private static final ObjectMapper JSON = new ObjectMapper();

  public OciImage {
    layers = List.copyOf(layers);
  }

  /** {@code layerCount} layers of {@code layerSize} random bytes. */
  public static OciImage generate(int layerCount, long layerSize) {
    Random random = new Random(SEED);
    List<Blob> layers = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      layers.add(Blob.random(random, layerSize));
    }
    return of(layers);
  }

  /** An image of these layers, with a minimal linux/amd64 config that lists them (so that images of other layers have other configs). */
  public static OciImage of(List<Blob> layers) {
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", layers.stream().map(Blob::digest).toList());
    Map<String, Object> configJson = new LinkedHashMap<>();
    configJson.put("architecture", "amd64");
    configJson.put("os", "linux");
    configJson.put("config", Map.of());
    configJson.put("rootfs", rootfs);
    Blob config = json(configJson);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_TYPE);
    manifest.put("config", descriptor(CONFIG_TYPE, config));
    manifest.put("layers", layers.stream().map(layer -> descriptor(LAYER_TYPE, layer)).toList());
    return new OciImage(config, layers, json(manifest));
  }

  private static Blob json(Map<String, Object> document) {
    try {
      return Blob.of(JSON.writeValueAsBytes(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The config blob, then the layers: what a push uploads and a pull downloads. */
  public List<Blob> blobs() {
    List<Blob> all = new ArrayList<>();
    all.add(config);
    all.addAll(layers);
    return all;
  }

  /** Bytes of the config and layers. */
  public long blobBytes() {
    return blobs().stream().mapToLong(Blob::size).sum();
  }

  /** What the image is made of, for a scenario title: "3 layers of 2 MiB". */
  public String describe() {
    return layers.size() + (layers.size() == 1 ? " layer" : " layers")
        + (layers.isEmpty() ? "" : " of " + Blob.sizeText(layers.get(0).size()));
  }

  /** A manifest's entry for a blob. */
  public static Map<String, Object> descriptor(String mediaType, Blob blob) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", blob.digest());
    descriptor.put("size", blob.size());
    return descriptor;
  }
}
