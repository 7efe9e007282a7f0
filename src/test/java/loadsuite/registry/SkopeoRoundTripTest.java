package loadsuite.registry;

import loadsuite.suite.DebianTool;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import loadsuite.oci.Blob;
import loadsuite.oci.OciImage;
import loadsuite.registry.standin.RegistryStandIn;

/**
 * A real client against the stand-in: skopeo copies a small image from an OCI layout into the
 * embedded registry and back out into another layout; manifest and blobs must come back with
 * the same digests.
 */
class SkopeoRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  @Test
  void anImageCopiedInAndOutKeepsItsDigests() throws Exception {
    String skopeo = DebianTool.SKOPEO.require();
    Path source = dir.resolve("source");
    String manifestDigest = writeLayout(source, "v1");
    Path copy = dir.resolve("copy");
    try (RegistryStandIn registry = RegistryStandIn.start("127.0.0.1", 0)) {
      String image = "docker://" + registry.baseUrl().substring("http://".length()) + "/test/app:v1";
      run(skopeo, "copy", "--dest-tls-verify=false", "oci:" + source + ":v1", image);
      run(skopeo, "copy", "--src-tls-verify=false", image, "oci:" + copy + ":v1");
    }
    JsonNode index = JSON.readTree(copy.resolve("index.json").toFile());
    assertThat(index.path("manifests").path(0).path("digest").asText()).isEqualTo(manifestDigest);
    assertThat(blobDigests(copy)).isEqualTo(blobDigests(source));
  }

  /** Writes an OCI image layout of one image (a config and one gzip layer of an empty tar) tagged {@code tag}; its manifest digest. */
  private static String writeLayout(Path layout, String tag) throws IOException {
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    byte[] tar = new byte[1024]; // an empty tar archive: two zero blocks
    Blob layer = writeBlob(layout, gzip(tar));
    Blob config = writeBlob(layout, JSON.writeValueAsBytes(Map.of(
        "architecture", "amd64", "os", "linux", "config", Map.of(),
        "rootfs", Map.of("type", "layers", "diff_ids", List.of(Blob.of(tar).digest())))));
    Blob manifest = writeBlob(layout, JSON.writeValueAsBytes(Map.of(
        "schemaVersion", 2, "mediaType", OciImage.MANIFEST_TYPE,
        "config", descriptor(OciImage.CONFIG_TYPE, config),
        "layers", List.of(descriptor(OciImage.LAYER_TYPE, layer)))));
    Map<String, Object> entry = descriptor(OciImage.MANIFEST_TYPE, manifest);
    entry.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
    Files.write(layout.resolve("index.json"), JSON.writeValueAsBytes(Map.of("schemaVersion", 2, "manifests", List.of(entry))));
    return manifest.digest();
  }

  private static Blob writeBlob(Path layout, byte[] content) throws IOException {
    Blob blob = Blob.of(content);
    Files.write(layout.resolve("blobs/sha256").resolve(blob.digest().substring("sha256:".length())), content);
    return blob;
  }

  private static Map<String, Object> descriptor(String mediaType, Blob blob) {
    return new LinkedHashMap<>(Map.of("mediaType", mediaType, "digest", blob.digest(), "size", blob.size()));
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    }
    return out.toByteArray();
  }

  private static Set<String> blobDigests(Path layout) throws IOException {
    try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
      return blobs.map(blob -> blob.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  /** Runs skopeo (no signature policy needed for a local copy), bounded by a timeout; fails with its output. */
  private void run(String skopeo, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(skopeo, "--insecure-policy"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "skopeo", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s: "
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), Files.readString(log, StandardCharsets.UTF_8)).isZero();
  }
}
