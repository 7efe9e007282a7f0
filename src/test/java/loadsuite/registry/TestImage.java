package loadsuite.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The OCI image a registry workload pushes or pulls: a config blob, {@code layerCount} layers
 * of random bytes (registries do not look inside layers) and the manifest that lists them.
 * Generated from a fixed seed once per run, so every run sends the same digests.
 */
record TestImage(Blob config, List<Blob> layers, Blob manifest) {
  static final String MANIFEST_TYPE = ManifestRoutes.OCI_MANIFEST;
  static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final long SEED = 38;

  static TestImage generate(int layerCount, long layerSize) {
    Random random = new Random(SEED);
    List<Blob> layers = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      layers.add(Blob.random(random, layerSize));
    }
    Blob config = Blob.of(("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
        .getBytes(StandardCharsets.UTF_8));
    List<Map<String, Object>> layerDescriptors = layers.stream().map(layer -> descriptor(LAYER_TYPE, layer)).toList();
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_TYPE);
    manifest.put("config", descriptor(CONFIG_TYPE, config));
    manifest.put("layers", layerDescriptors);
    try {
      return new TestImage(config, List.copyOf(layers), Blob.of(new ObjectMapper().writeValueAsBytes(manifest)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The config blob, then the layers: what a push uploads and a pull downloads. */
  List<Blob> blobs() {
    List<Blob> all = new ArrayList<>();
    all.add(config);
    all.addAll(layers);
    return all;
  }

  /** What the image is made of, for a scenario title: "3 layers of 2 MiB". */
  String describe() {
    return layers.size() + (layers.size() == 1 ? " layer" : " layers") + " of " + Blob.sizeText(layers.get(0).size());
  }

  private static Map<String, Object> descriptor(String mediaType, Blob blob) {
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", blob.digest());
    descriptor.put("size", blob.size());
    return descriptor;
  }
}
