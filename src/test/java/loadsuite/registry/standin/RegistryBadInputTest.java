package loadsuite.registry.standin;

import static loadsuite.registry.standin.RegistryTestClient.errorCode;
import static loadsuite.registry.standin.RegistryTestClient.json;
import static loadsuite.registry.standin.RegistryTestClient.location;
import static loadsuite.registry.standin.RegistryTestClient.sha256;
import static loadsuite.oci.OciClient.withDigest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets its status and spec error code, and leaves the registry answering. */
class RegistryBadInputTest {
  private static final String DIGEST = sha256("content".getBytes(StandardCharsets.UTF_8));
  private static RegistryStandIn registry;
  private static RegistryTestClient client;

  @BeforeAll
  static void start() {
    registry = RegistryStandIn.start("127.0.0.1", 0);
    client = new RegistryTestClient(registry.baseUrl());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @AfterEach
  void theRegistryStillAnswers() {
    assertThat(client.send("GET", "/v2/").statusCode()).isEqualTo(200);
  }

  @Test
  void malformedDigest() {
    assertError(client.send("GET", "/v2/app/blobs/sha256:abc"), 400, "DIGEST_INVALID");
    assertError(client.send("GET", "/v2/app/blobs/" + DIGEST.toUpperCase()), 400, "DIGEST_INVALID");
    assertError(client.send("GET", "/v2/app/manifests/sha256:not-hex"), 400, "DIGEST_INVALID");
  }

  @Test
  void digestOfAnUnknownAlgorithm() {
    assertError(client.send("GET", "/v2/app/blobs/md5:9a0364b9e99bb480dd25e1f0284c8555"), 400, "DIGEST_INVALID");
  }

  @Test
  void uploadCompletedWithoutADigest() {
    HttpResponse<byte[]> started = client.send("POST", "/v2/app/blobs/uploads/");

    assertError(client.send("PUT", location(started)), 400, "DIGEST_INVALID");
  }

  @Test
  void unknownUploadId() {
    assertError(client.send("PATCH", "/v2/app/blobs/uploads/no-such-upload", new byte[10]), 404, "BLOB_UPLOAD_UNKNOWN");
    assertError(client.send("GET", "/v2/app/blobs/uploads/no-such-upload"), 404, "BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void uploadIdOfAnotherRepository() {
    String id = client.send("POST", "/v2/one/blobs/uploads/").headers().firstValue("Docker-Upload-UUID").orElseThrow();

    assertError(client.send("GET", "/v2/other/blobs/uploads/" + id), 404, "BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void contentRangeThatDoesNotContinueTheUpload() {
    HttpResponse<byte[]> started = client.send("POST", "/v2/app/blobs/uploads/");
    HttpResponse<byte[]> first = client.send("PATCH", location(started), new byte[4], "Content-Range", "0-3");
    assertThat(first.statusCode()).isEqualTo(202);

    HttpResponse<byte[]> gap = client.send("PATCH", location(first), new byte[4], "Content-Range", "10-13");
    assertError(gap, 416, "BLOB_UPLOAD_INVALID");
    assertThat(gap.headers().firstValue("Range")).hasValue("0-3");
    HttpResponse<byte[]> overlap = client.send("PATCH", location(first), new byte[4], "Content-Range", "2-5");
    assertError(overlap, 416, "BLOB_UPLOAD_INVALID");
    HttpResponse<byte[]> wrongLength = client.send("PATCH", location(first), new byte[4], "Content-Range", "4-9");
    assertError(wrongLength, 416, "BLOB_UPLOAD_INVALID");

    HttpResponse<byte[]> next = client.send("PATCH", location(first), new byte[4], "Content-Range", "4-7");
    assertThat(next.statusCode()).as("the upload goes on after a rejected chunk").isEqualTo(202);
    assertThat(next.headers().firstValue("Range")).hasValue("0-7");
  }

  @Test
  void digestThatDoesNotMatchTheContent() {
    HttpResponse<byte[]> started = client.send("POST", "/v2/app/blobs/uploads/");
    HttpResponse<byte[]> patched = client.send("PATCH", location(started), "other".getBytes(StandardCharsets.UTF_8));

    assertError(client.send("PUT", withDigest(location(patched), DIGEST)), 400, "DIGEST_INVALID");
    assertError(client.send("POST", "/v2/app/blobs/uploads/?digest=" + DIGEST, "other".getBytes(StandardCharsets.UTF_8)),
        400, "DIGEST_INVALID");
    assertThat(client.send("HEAD", "/v2/app/blobs/" + DIGEST).statusCode()).as("nothing stored").isEqualTo(404);
  }

  @Test
  void blobLargerThanTheStorageTakesIsRefusedByItsLengthAlone() throws Exception {
    HttpResponse<byte[]> started = client.send("POST", "/v2/app/blobs/uploads/");

    String[] answer = client.sendHeadOnly("PATCH", location(started), (256L << 20) + 1);

    assertThat(answer[0]).startsWith("HTTP/1.1 413");
    assertThat(answer[1]).contains("\"code\":\"SIZE_INVALID\"");
  }

  @Test
  void manifestThatIsNotJson() {
    assertError(putManifest("v1", "not json {".getBytes(StandardCharsets.UTF_8), ManifestRoutes.OCI_MANIFEST),
        400, "MANIFEST_INVALID");
    assertError(putManifest("v1", "[1, 2]".getBytes(StandardCharsets.UTF_8), ManifestRoutes.OCI_MANIFEST),
        400, "MANIFEST_INVALID");
  }

  @Test
  void manifestOfAnotherOrNoMediaType() {
    byte[] manifest = imageManifest(sha256(new byte[1]));

    assertError(putManifest("v1", manifest, "application/json"), 400, "MANIFEST_INVALID");
    assertError(client.send("PUT", "/v2/app/manifests/v1", manifest), 400, "MANIFEST_INVALID");
  }

  @Test
  void manifestLargerThan4MiBIsRefusedByItsLengthAlone() throws Exception {
    // the answer comes before the body, and the connection closes: a client still writing the body
    // may see the close before it reads the answer, so the body is left unsent here
    String[] answer = client.sendHeadOnly("PUT", "/v2/app/manifests/v1", (4L << 20) + 1, "Content-Type", ManifestRoutes.OCI_MANIFEST);

    assertThat(answer[0]).startsWith("HTTP/1.1 413");
    assertThat(answer[1]).contains("\"code\":\"SIZE_INVALID\"");
  }

  @Test
  void manifestWhoseBlobIsMissing() {
    byte[] manifest = imageManifest(sha256("no such config".getBytes(StandardCharsets.UTF_8)));

    assertError(putManifest("v1", manifest, ManifestRoutes.OCI_MANIFEST), 400, "MANIFEST_BLOB_UNKNOWN");
  }

  @Test
  void indexWhoseManifestIsMissing() {
    byte[] index = RegistryTestClient.json(Map.of("schemaVersion", 2, "mediaType", ManifestRoutes.OCI_INDEX,
        "manifests", List.of(RegistryTestClient.descriptor(ManifestRoutes.OCI_MANIFEST, DIGEST, 10))));

    assertError(putManifest("multi", index, ManifestRoutes.OCI_INDEX), 400, "MANIFEST_BLOB_UNKNOWN");
  }

  @Test
  void manifestPushedByADigestThatIsNotItsOwn() {
    byte[] manifest = client.imageManifest("app", new byte[3]);

    assertError(putManifest(DIGEST, manifest, ManifestRoutes.OCI_MANIFEST), 400, "DIGEST_INVALID");
  }

  /**
   * The distribution-spec conformance suite's {@code .INVALID_MANIFEST_NAME}: no manifest can have
   * such a reference, so GET and HEAD answer 404 (end-3 lists no other failure); a push or delete
   * of it is a bad request.
   */
  @Test
  void referenceThatIsNeitherATagNorADigest() {
    client.pushImage("refs", "v1", new byte[2]);

    for (String reference : List.of(".INVALID_MANIFEST_NAME", "-leading-dash", "t".repeat(129))) {
      HttpResponse<byte[]> get = client.send("GET", "/v2/refs/manifests/" + reference);
      assertError(get, 404, "MANIFEST_UNKNOWN");
      assertThat(json(get).path("errors").get(0).path("message").asText()).isEqualTo("manifest unknown to registry");
      assertThat(client.send("HEAD", "/v2/refs/manifests/" + reference).statusCode()).as(reference).isEqualTo(404);
      assertThat(client.send("HEAD", "/v2/no-such-repository/manifests/" + reference).statusCode()).as(reference).isEqualTo(404);

      assertError(client.send("PUT", "/v2/refs/manifests/" + reference, client.imageManifest("refs", new byte[2]),
          "Content-Type", ManifestRoutes.OCI_MANIFEST), 400, "MANIFEST_INVALID");
      assertError(client.send("DELETE", "/v2/refs/manifests/" + reference), 400, "MANIFEST_INVALID");
    }
    assertThat(client.send("GET", "/v2/refs/tags/list").body()).asString(StandardCharsets.UTF_8)
        .as("nothing was stored").contains("\"tags\":[\"v1\"]");
  }

  @Test
  void nameWithDotDot() {
    assertError(client.send("GET", "/v2/library/../app/tags/list"), 400, "NAME_INVALID");
    assertError(client.send("GET", "/v2/library..app/tags/list"), 400, "NAME_INVALID");
  }

  @Test
  void nameWithAnEncodedSlash() {
    assertError(client.send("GET", "/v2/library%2Fapp/tags/list"), 400, "NAME_INVALID");
    assertError(client.send("POST", "/v2/library%2fapp/blobs/uploads/"), 400, "NAME_INVALID");
  }

  @Test
  void upperCaseName() {
    assertError(client.send("GET", "/v2/Library/app/manifests/latest"), 400, "NAME_INVALID");
  }

  @Test
  void mountFromAnInvalidName() {
    assertError(client.send("POST", "/v2/app/blobs/uploads/?mount=" + DIGEST + "&from=Other"), 400, "NAME_INVALID");
  }

  @Test
  void paginationNumberThatIsNotOne() {
    client.pushBlob("paged", "x".getBytes(StandardCharsets.UTF_8));

    assertError(client.send("GET", "/v2/_catalog?n=-1"), 400, "PAGINATION_NUMBER_INVALID");
    assertError(client.send("GET", "/v2/_catalog?n=many"), 400, "PAGINATION_NUMBER_INVALID");
  }

  @Test
  void tooManyOpenUploads() {
    List<String> opened = new ArrayList<>();
    try {
      HttpResponse<byte[]> started;
      while ((started = client.send("POST", "/v2/many/blobs/uploads/")).statusCode() == 202) {
        opened.add(location(started));
      }

      assertError(started, 429, "TOOMANYREQUESTS");
      // other tests of this class may have left uploads open
      assertThat(opened).isNotEmpty().hasSizeLessThanOrEqualTo(Uploads.MAX_SESSIONS);
    } finally {
      opened.forEach(location -> client.send("DELETE", location));
    }
    assertThat(client.send("POST", "/v2/many/blobs/uploads/").statusCode()).isEqualTo(202);
  }

  private static HttpResponse<byte[]> putManifest(String reference, byte[] manifest, String mediaType) {
    return client.send("PUT", "/v2/app/manifests/" + reference, manifest, "Content-Type", mediaType);
  }

  private static byte[] imageManifest(String configDigest) {
    return RegistryTestClient.json(Map.of("schemaVersion", 2, "mediaType", ManifestRoutes.OCI_MANIFEST,
        "config", RegistryTestClient.descriptor("application/vnd.oci.image.config.v1+json", configDigest, 1),
        "layers", List.of()));
  }

  private static void assertError(HttpResponse<byte[]> response, int status, String code) {
    assertThat(response.statusCode()).as("status, body %s", new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(status);
    assertThat(errorCode(response)).isEqualTo(code);
    assertThat(json(response).path("errors")).hasSize(1);
  }
}
