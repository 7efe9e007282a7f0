package loadsuite.registry.standin;

import static loadsuite.registry.standin.RegistryTestClient.errorCode;
import static loadsuite.registry.standin.RegistryTestClient.json;
import static loadsuite.registry.standin.RegistryTestClient.location;
import static loadsuite.registry.standin.RegistryTestClient.sha256;
import static loadsuite.registry.standin.RegistryTestClient.streamed;
import static loadsuite.oci.OciClient.withDigest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each route as real clients use it, against one stand-in on loopback with blobs in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryStandInTest {
  private static final String OCI_MANIFEST = ManifestRoutes.OCI_MANIFEST;
  private final Random random = new Random(38);
  RegistryStandIn registry;
  RegistryTestClient client;

  /** Where the blobs go; a subclass runs every test again with another storage. */
  Storage storage() {
    return Storage.memory();
  }

  @BeforeAll
  void start() {
    registry = RegistryStandIn.start("127.0.0.1", 0, storage());
    client = new RegistryTestClient(registry.baseUrl());
  }

  @AfterAll
  void stop() {
    registry.close();
  }

  @Test
  void baseAnswersAnEmptyObjectWithTheApiVersion() {
    HttpResponse<byte[]> base = client.send("GET", "/v2/");

    assertThat(base.statusCode()).isEqualTo(200);
    assertThat(new String(base.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(base.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
  }

  @Test
  void errorsAndHealthCarryTheApiVersionToo() {
    HttpResponse<byte[]> health = client.send("GET", "/health");
    HttpResponse<byte[]> missing = client.send("GET", "/v2/nothing/here/manifests/latest");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).path("status").asText()).isEqualTo("healthy");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(errorCode(missing)).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(List.of(health, missing))
        .allSatisfy(r -> assertThat(r.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0"));
  }

  @Test
  void aClientPushThenPullsAnImage() {
    byte[] layer = bytes(3 << 20);
    byte[] manifest = client.imageManifest("library/app", layer);
    HttpResponse<byte[]> put = client.send("PUT", "/v2/library/app/manifests/v1", manifest, "Content-Type", OCI_MANIFEST);
    assertThat(put.statusCode()).isEqualTo(201);
    String digest = sha256(manifest);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    assertThat(location(put)).isEqualTo("/v2/library/app/manifests/" + digest);

    HttpResponse<byte[]> pulled = client.send("GET", "/v2/library/app/manifests/v1", "Accept", OCI_MANIFEST);
    assertThat(pulled.statusCode()).isEqualTo(200);
    assertThat(pulled.body()).isEqualTo(manifest);
    assertThat(pulled.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
    assertThat(pulled.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    HttpResponse<byte[]> head = client.send("HEAD", "/v2/library/app/manifests/v1", "Accept", OCI_MANIFEST);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(manifest.length);
    assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(digest);

    String layerDigest = json(pulled).path("layers").path(0).path("digest").asText();
    HttpResponse<byte[]> blob = client.send("GET", "/v2/library/app/blobs/" + layerDigest);
    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).isEqualTo(layer);
    assertThat(blob.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(blob.headers().firstValue("Docker-Content-Digest")).hasValue(layerDigest);
    String configDigest = json(pulled).path("config").path("digest").asText();
    assertThat(client.send("GET", "/v2/library/app/blobs/" + configDigest).statusCode()).isEqualTo(200);
  }

  @Test
  void headOfABlobGivesItsLengthAndDigest() {
    byte[] content = bytes(1000);
    String digest = client.pushBlob("heads/app", content);

    HttpResponse<byte[]> head = client.send("HEAD", "/v2/heads/app/blobs/" + digest);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(1000);
    assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
  }

  @Test
  void aBlobIsVisibleOnlyInTheRepositoriesItWasPushedTo() {
    String digest = client.pushBlob("mine/app", bytes(100));

    HttpResponse<byte[]> elsewhere = client.send("GET", "/v2/theirs/app/blobs/" + digest);

    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(errorCode(elsewhere)).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void withGlobalBlobsABlobIsVisibleInEveryRepositoryOnceAnyHoldsIt() {
    try (RegistryStandIn global = RegistryStandIn.start("127.0.0.1", 0, Storage.memory(), RegistryStandIn.BlobScope.GLOBAL)) {
      RegistryTestClient globalClient = new RegistryTestClient(global.baseUrl());
      byte[] content = bytes(100);
      String digest = globalClient.pushBlob("mine/app", content);

      HttpResponse<byte[]> head = globalClient.send("HEAD", "/v2/theirs/app/blobs/" + digest);
      HttpResponse<byte[]> get = globalClient.send("GET", "/v2/theirs/app/blobs/" + digest);

      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo(content);
      assertThat(globalClient.send("HEAD", "/v2/theirs/app/blobs/" + Digest.of("sha256", bytes(100))).statusCode())
          .as("a blob nobody pushed").isEqualTo(404);
      assertThat(global.description()).contains("visible in every repository");
    }
  }

  @Test
  void acceptNegotiationOfManifests() {
    client.pushImage("accept/app", "v1", bytes(10));
    String path = "/v2/accept/app/manifests/v1";

    HttpResponse<byte[]> dockerOnly = client.send("GET", path, "Accept", ManifestRoutes.DOCKER_MANIFEST);
    assertThat(dockerOnly.statusCode()).isEqualTo(404);
    assertThat(errorCode(dockerOnly)).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(client.send("GET", path, "Accept", "*/*").statusCode()).isEqualTo(200);
    assertThat(client.send("GET", path).statusCode()).isEqualTo(200);
    assertThat(client.send("GET", path,
        "Accept", ManifestRoutes.DOCKER_MANIFEST + ";q=0.9, " + OCI_MANIFEST + ";q=0.5").statusCode()).isEqualTo(200);
  }

  @Test
  void manifestsOfEveryMediaTypeByTagAndByDigest() {
    byte[] image = client.imageManifest("kinds/app", bytes(20));
    String imageDigest = sha256(image);
    HttpResponse<byte[]> byDigest = client.send("PUT", "/v2/kinds/app/manifests/" + imageDigest, image,
        "Content-Type", OCI_MANIFEST);
    assertThat(byDigest.statusCode()).isEqualTo(201);

    byte[] index = json(Map.of("schemaVersion", 2, "mediaType", ManifestRoutes.OCI_INDEX,
        "manifests", List.of(RegistryTestClient.descriptor(OCI_MANIFEST, imageDigest, image.length))));
    assertThat(client.send("PUT", "/v2/kinds/app/manifests/multi", index, "Content-Type", ManifestRoutes.OCI_INDEX)
        .statusCode()).isEqualTo(201);

    byte[] docker = new String(image, StandardCharsets.UTF_8).replace(OCI_MANIFEST, ManifestRoutes.DOCKER_MANIFEST)
        .getBytes(StandardCharsets.UTF_8);
    assertThat(client.send("PUT", "/v2/kinds/app/manifests/docker", docker,
        "Content-Type", ManifestRoutes.DOCKER_MANIFEST).statusCode()).isEqualTo(201);
    byte[] list = json(Map.of("schemaVersion", 2, "mediaType", ManifestRoutes.DOCKER_MANIFEST_LIST,
        "manifests", List.of(RegistryTestClient.descriptor(ManifestRoutes.DOCKER_MANIFEST, sha256(docker), docker.length))));
    assertThat(client.send("PUT", "/v2/kinds/app/manifests/list", list,
        "Content-Type", ManifestRoutes.DOCKER_MANIFEST_LIST).statusCode()).isEqualTo(201);

    HttpResponse<byte[]> pulled = client.send("GET", "/v2/kinds/app/manifests/" + imageDigest, "Accept", OCI_MANIFEST);
    assertThat(pulled.body()).isEqualTo(image);
    HttpResponse<byte[]> pulledList = client.send("GET", "/v2/kinds/app/manifests/list",
        "Accept", ManifestRoutes.DOCKER_MANIFEST_LIST);
    assertThat(pulledList.headers().firstValue("Content-Type")).hasValue(ManifestRoutes.DOCKER_MANIFEST_LIST);
    assertThat(pulledList.body()).isEqualTo(list);
  }

  @Test
  void chunkedUploadWithContentRange() {
    byte[] content = bytes(10);
    HttpResponse<byte[]> started = client.send("POST", "/v2/chunks/app/blobs/uploads/");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(started.headers().firstValue("Range")).hasValue("0-0");
    assertThat(started.headers().firstValue("Docker-Upload-UUID")).isPresent();
    assertThat(location(started)).startsWith("/v2/chunks/app/blobs/uploads/");

    HttpResponse<byte[]> first = client.send("PATCH", location(started), Arrays.copyOfRange(content, 0, 4),
        "Content-Range", "0-3", "Content-Type", "application/octet-stream");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Range")).hasValue("0-3");
    HttpResponse<byte[]> second = client.send("PATCH", location(first), Arrays.copyOfRange(content, 4, 7),
        "Content-Range", "4-6", "Content-Type", "application/octet-stream");
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(second.headers().firstValue("Range")).hasValue("0-6");

    HttpResponse<byte[]> status = client.send("GET", location(second));
    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).hasValue("0-6");

    String digest = sha256(content);
    HttpResponse<byte[]> put = client.send("PUT", withDigest(location(second), digest), Arrays.copyOfRange(content, 7, 10),
        "Content-Type", "application/octet-stream");
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(location(put)).isEqualTo("/v2/chunks/app/blobs/" + digest);
    assertThat(client.send("GET", "/v2/chunks/app/blobs/" + digest).body()).isEqualTo(content);
  }

  @Test
  void monolithicUploadByPost() {
    byte[] content = bytes(5000);
    String digest = sha256(content);

    HttpResponse<byte[]> posted = client.send("POST", "/v2/mono/app/blobs/uploads/?digest=" + digest, content,
        "Content-Type", "application/octet-stream");

    assertThat(posted.statusCode()).isEqualTo(201);
    assertThat(posted.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    assertThat(location(posted)).isEqualTo("/v2/mono/app/blobs/" + digest);
    assertThat(client.send("GET", location(posted)).body()).isEqualTo(content);
  }

  @Test
  void monolithicUploadByPut() {
    byte[] content = bytes(5000);
    String digest = sha256(content);
    HttpResponse<byte[]> started = client.send("POST", "/v2/mono/put/blobs/uploads/");

    HttpResponse<byte[]> put = client.send("PUT", withDigest(location(started), digest), streamed(content));

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(client.send("GET", location(put)).body()).isEqualTo(content);
  }

  @Test
  void crossRepositoryMount() {
    String digest = client.pushBlob("team/base", bytes(300));
    assertThat(client.send("HEAD", "/v2/team/app/blobs/" + digest).statusCode()).isEqualTo(404);

    HttpResponse<byte[]> mounted = client.send("POST", "/v2/team/app/blobs/uploads/?mount=" + digest + "&from=team/base");
    assertThat(mounted.statusCode()).isEqualTo(201);
    assertThat(location(mounted)).isEqualTo("/v2/team/app/blobs/" + digest);
    assertThat(mounted.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    assertThat(client.send("HEAD", "/v2/team/app/blobs/" + digest).statusCode()).isEqualTo(200);

    String unknown = sha256(bytes(10));
    HttpResponse<byte[]> fallback = client.send("POST", "/v2/team/app/blobs/uploads/?mount=" + unknown + "&from=team/base");
    assertThat(fallback.statusCode()).isEqualTo(202);
    assertThat(location(fallback)).startsWith("/v2/team/app/blobs/uploads/");
  }

  @Test
  void rangeRequestsOfABlob() {
    byte[] content = bytes(10);
    String path = "/v2/ranges/app/blobs/" + client.pushBlob("ranges/app", content);

    HttpResponse<byte[]> middle = client.send("GET", path, "Range", "bytes=2-5");
    assertThat(middle.statusCode()).isEqualTo(206);
    assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 2, 6));
    assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 2-5/10");
    assertThat(middle.headers().firstValueAsLong("Content-Length")).hasValue(4);
    HttpResponse<byte[]> suffix = client.send("GET", path, "Range", "bytes=-3");
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(content, 7, 10));
    HttpResponse<byte[]> open = client.send("GET", path, "Range", "bytes=8-");
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(content, 8, 10));

    HttpResponse<byte[]> outside = client.send("GET", path, "Range", "bytes=20-30");
    assertThat(outside.statusCode()).isEqualTo(416);
    assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */10");
  }

  @Test
  void tagsArePagedWithALink() {
    for (String tag : List.of("v3", "v1", "v5", "v2", "v4")) {
      client.pushImage("paged/app", tag, bytes(10));
    }

    HttpResponse<byte[]> all = client.send("GET", "/v2/paged/app/tags/list");
    assertThat(json(all).path("name").asText()).isEqualTo("paged/app");
    assertThat(tags(all)).containsExactly("v1", "v2", "v3", "v4", "v5");
    assertThat(all.headers().firstValue("Link")).isEmpty();

    HttpResponse<byte[]> first = client.send("GET", "/v2/paged/app/tags/list?n=2");
    assertThat(tags(first)).containsExactly("v1", "v2");
    assertThat(first.headers().firstValue("Link")).hasValue("</v2/paged/app/tags/list?n=2&last=v2>; rel=\"next\"");
    HttpResponse<byte[]> second = client.send("GET", nextPage(first));
    assertThat(tags(second)).containsExactly("v3", "v4");
    HttpResponse<byte[]> third = client.send("GET", nextPage(second));
    assertThat(tags(third)).containsExactly("v5");
    assertThat(third.headers().firstValue("Link")).isEmpty();
  }

  @Test
  void catalogIsPagedWithALink() {
    for (String name : List.of("catalog/c", "catalog/a", "catalog/b")) {
      client.pushBlob(name, bytes(10));
    }

    HttpResponse<byte[]> all = client.send("GET", "/v2/_catalog");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(strings(json(all).path("repositories"))).containsSubsequence("catalog/a", "catalog/b", "catalog/c");

    HttpResponse<byte[]> page = client.send("GET", "/v2/_catalog?n=1&last=catalog/a");
    assertThat(strings(json(page).path("repositories"))).containsExactly("catalog/b");
    assertThat(page.headers().firstValue("Link")).hasValue("</v2/_catalog?n=1&last=catalog/b>; rel=\"next\"");
  }

  @Test
  void deletingABlob() {
    String path = "/v2/deletes/blob/blobs/" + client.pushBlob("deletes/blob", bytes(10));

    assertThat(client.send("DELETE", path).statusCode()).isEqualTo(202);
    assertThat(client.send("HEAD", path).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> again = client.send("DELETE", path);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(errorCode(again)).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void deletingAManifestByTagRemovesOnlyTheTag() {
    String digest = client.pushImage("deletes/tag", "v1", bytes(10));

    assertThat(client.send("DELETE", "/v2/deletes/tag/manifests/v1").statusCode()).isEqualTo(202);
    assertThat(client.send("GET", "/v2/deletes/tag/manifests/v1").statusCode()).isEqualTo(404);
    assertThat(client.send("GET", "/v2/deletes/tag/manifests/" + digest).statusCode()).isEqualTo(200);
  }

  @Test
  void deletingAManifestByDigestRemovesItsTags() {
    byte[] layer = bytes(10);
    String digest = client.pushImage("deletes/digest", "v1", layer);
    assertThat(client.pushImage("deletes/digest", "v2", layer)).isEqualTo(digest);

    assertThat(client.send("DELETE", "/v2/deletes/digest/manifests/" + digest).statusCode()).isEqualTo(202);

    HttpResponse<byte[]> gone = client.send("GET", "/v2/deletes/digest/manifests/" + digest);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(errorCode(gone)).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(tags(client.send("GET", "/v2/deletes/digest/tags/list"))).isEmpty();
  }

  @Test
  void cancellingAnUpload() {
    HttpResponse<byte[]> started = client.send("POST", "/v2/cancels/app/blobs/uploads/");
    client.send("PATCH", location(started), bytes(10));

    assertThat(client.send("DELETE", location(started)).statusCode()).isEqualTo(204);

    HttpResponse<byte[]> status = client.send("GET", location(started));
    assertThat(status.statusCode()).isEqualTo(404);
    assertThat(errorCode(status)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void concurrentUploadsOfTheSameBlobAllSucceedAndStoreItOnce() throws Exception {
    byte[] content = bytes(256 * 1024);
    int before = registry.blobCount();

    List<Integer> statuses = inParallel(20, i -> uploadWithoutHead("same/app", content));

    assertThat(statuses).hasSize(20).containsOnly(201);
    assertThat(registry.blobCount()).isEqualTo(before + 1);
    assertThat(client.send("GET", "/v2/same/app/blobs/" + sha256(content)).body()).isEqualTo(content);
  }

  @Test
  void concurrentUploadsOfDifferentBlobs() throws Exception {
    List<byte[]> contents = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      contents.add(bytes(64 * 1024));
    }
    int before = registry.blobCount();

    List<Integer> statuses = inParallel(20, i -> uploadWithoutHead("different/app" + i, contents.get(i)));

    assertThat(statuses).containsOnly(201);
    assertThat(registry.blobCount()).isEqualTo(before + 20);
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() {
    HttpResponse<byte[]> unknown = client.send("GET", "/v3/anything");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(errorCode(unknown)).isEqualTo("UNSUPPORTED");

    HttpResponse<byte[]> wrongMethod = client.send("POST", "/v2/some/app/manifests/latest");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(errorCode(wrongMethod)).isEqualTo("UNSUPPORTED");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, PUT");
  }

  @Test
  void tagsOfAnUnknownRepository() {
    HttpResponse<byte[]> tags = client.send("GET", "/v2/never/pushed/tags/list");

    assertThat(tags.statusCode()).isEqualTo(404);
    assertThat(errorCode(tags)).isEqualTo("NAME_UNKNOWN");
  }

  /** The steps of a push after its HEAD: POST, PATCH, PUT; the status of the PUT. */
  private int uploadWithoutHead(String repository, byte[] content) {
    HttpResponse<byte[]> started = client.send("POST", "/v2/" + repository + "/blobs/uploads/");
    HttpResponse<byte[]> patched = client.send("PATCH", location(started), streamed(content));
    return client.send("PUT", withDigest(location(patched), sha256(content))).statusCode();
  }

  private interface Upload {
    int run(int index) throws Exception;
  }

  /** Runs {@code threads} uploads at once (released together); their statuses. */
  private static List<Integer> inParallel(int threads, Upload upload) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        results.add(pool.submit(() -> {
          go.await();
          return upload.run(index);
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] bytes(int length) {
    byte[] content = new byte[length];
    random.nextBytes(content);
    return content;
  }

  private static String nextPage(HttpResponse<byte[]> page) {
    String link = page.headers().firstValue("Link").orElseThrow();
    return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
  }

  private static List<String> tags(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return strings(json(response).path("tags"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(node -> strings.add(node.asText()));
    return strings;
  }
}
