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
    Blob config = Blob.of(json(configJson(layers.stream().map(Blob::digest).toList())));
    List<Map<String, Object>> layerDescriptors = layers.stream().map(layer -> descriptor(LAYER_TYPE, layer)).toList();
    return new OciImage(config, layers, Blob.of(json(manifestJson(descriptor(CONFIG_TYPE, config), layerDescriptors))));
  }

  /**
   * The bytes of the manifest of {@code layerCount} layers of {@code layerSize} bytes, as
   * {@link #generate} would make it, without making the layers: every digest has the same length,
   * so the documents built with a placeholder digest have the same sizes.
   */
  public static long manifestBytes(int layerCount, long layerSize) {
    String digest = Blob.sha256(new byte[0]);
    long configBytes = json(configJson(List.of())).length + (long) layerCount * (json(digest).length + 1) - (layerCount > 0 ? 1 : 0);
    long layerBytes = json(descriptor(LAYER_TYPE, digest, layerSize)).length;
    return json(manifestJson(descriptor(CONFIG_TYPE, digest, configBytes), List.of())).length + layerCount * (layerBytes + 1)
        - (layerCount > 0 ? 1 : 0);
  }

  private static Map<String, Object> configJson(List<String> diffIds) {
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", diffIds);
    Map<String, Object> configJson = new LinkedHashMap<>();
    configJson.put("architecture", "amd64");
    configJson.put("os", "linux");
    configJson.put("config", Map.of());
    configJson.put("rootfs", rootfs);
    return configJson;
  }

  private static Map<String, Object> manifestJson(Map<String, Object> config, List<Map<String, Object>> layers) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_TYPE);
    manifest.put("config", config);
    manifest.put("layers", layers);
    return manifest;
  }

  private static byte[] json(Object document) {
    try {
      return JSON.writeValueAsBytes(document);
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
    return descriptor(mediaType, blob.digest(), blob.size());
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", digest);
    descriptor.put("size", size);
    return descriptor;
  }
}
