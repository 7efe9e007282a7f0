package loadsuite.freightliner.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loadsuite.oci.Blob;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciImage;
import loadsuite.registry.standin.RegistryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job API: each route, each error, the key, and replications proven by digests between two registry stand-ins. */
class FreightlinerStandInTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "a-test-key";
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private RegistryStandIn source;
  private RegistryStandIn destination;
  private FreightlinerStandIn api;

  @BeforeEach
  void start() {
    source = RegistryStandIn.start("127.0.0.1", 0);
    destination = RegistryStandIn.start("127.0.0.1", 0);
    api = FreightlinerStandIn.start("127.0.0.1", 0, new FreightlinerStandIn.Options(KEY, 4));
  }

  @AfterEach
  void stop() {
    api.close();
    source.close();
    destination.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> withKey(String method, String path, String body) throws Exception {
    return send(method, path, body, "X-API-Key", KEY, "Content-Type", "application/json");
  }

  private static String hostPort(String baseUrl) {
    return baseUrl.substring("http://".length());
  }

  private String replicateBody(String sourceRepo, String destRepo, String extra) {
    return "{\"source_registry\":\"" + hostPort(source.baseUrl()) + "\",\"source_repo\":\"" + sourceRepo
        + "\",\"dest_registry\":\"" + hostPort(destination.baseUrl()) + "\",\"dest_repo\":\"" + destRepo + "\"" + extra + "}";
  }

  /** Submits and waits, bounded, until the job is no longer pending or running. */
  private JsonNode runToEnd(String path, String body) throws Exception {
    HttpResponse<String> submitted = withKey("POST", path, body);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
    JsonNode accepted = JSON.readTree(submitted.body());
    assertThat(accepted.path("status").asText()).isIn("pending", "running");
    String id = accepted.path("job_id").asText();
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode job = JSON.readTree(withKey("GET", "/api/v1/jobs/" + id, null).body());
      if (!List.of("pending", "running").contains(job.path("status").asText())) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not end within " + JOB_TIMEOUT);
  }

  private static void assertSameImage(OciClient destination, String repository, String tag, OciImage image) {
    assertThat(destination.pullManifest(repository, tag, OciImage.MANIFEST_TYPE)).isEqualTo(image.manifest().content());
    for (Blob blob : image.blobs()) {
      assertThat(destination.pullBlob(repository, blob.digest())).isEqualTo(blob.content());
    }
  }

  @Test
  void healthAndMetricsNeedNoKey() throws Exception {
    HttpResponse<String> health = send("GET", "/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("healthy");
    HttpResponse<String> metrics = send("GET", "/metrics", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("freightliner_jobs{status=\"completed\"} 0", "freightliner_replicated_bytes_total 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET /api/v1/jobs", "GET /api/v1/jobs/x", "POST /api/v1/replicate", "POST /api/v1/replicate-tree"})
  void theJobApiNeedsTheKey(String route) throws Exception {
    String[] parts = route.split(" ");
    HttpResponse<String> none = send(parts[0], parts[1], "{}");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(none.body()).path("error").asText()).as("the real API's body").isEqualTo("Invalid API key");
    assertThat(send(parts[0], parts[1], "{}", "X-API-Key", "a-test-kez").statusCode()).isEqualTo(401);
    assertThat(withKey(parts[0], parts[1], "{}").statusCode()).isNotEqualTo(401);
  }

  @Test
  void aReplicationCopiesEveryTagWithTheSourcesDigests() throws Exception {
    OciClient from = new OciClient(source.baseUrl());
    OciImage v1 = OciImage.generate(2, 32 * 1024);
    OciImage v2 = OciImage.of(List.of(Blob.generate(48 * 1024)));
    from.pushImage("team/app", "v1", v1);
    from.pushImage("team/app", "v2", v2);

    JsonNode job = runToEnd("/api/v1/replicate", replicateBody("team/app", "mirror/app", ""));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    assertThat(job.path("type").asText()).isEqualTo("replicate");
    assertThat(job.path("result").path("Success").asBoolean()).isTrue();
    assertThat(job.path("result").path("BytesCopied").asLong())
        .isEqualTo(v1.blobBytes() + v1.manifest().size() + v2.blobBytes() + v2.manifest().size());
    assertThat(job.path("start_time").asText()).isNotEmpty();
    assertThat(job.path("end_time").asText()).isNotEmpty();
    OciClient to = new OciClient(destination.baseUrl());
    assertSameImage(to, "mirror/app", "v1", v1);
    assertSameImage(to, "mirror/app", "v2", v2);

    String metrics = send("GET", "/metrics", null).body();
    assertThat(metrics).contains("freightliner_jobs{status=\"completed\"} 1", "freightliner_replicated_images_total 2");
  }

  @Test
  void aTreeReplicationCopiesTheRepositoriesUnderThePrefixLessTheExcluded() throws Exception {
    OciClient from = new OciClient(source.baseUrl());
    OciImage image = OciImage.generate(1, 16 * 1024);
    for (String repository : List.of("team/a", "team/b", "other/c")) {
      from.pushImage(repository, "latest", image);
    }
    from.pushImage("team/a", "old", image);
    JsonNode job = runToEnd("/api/v1/replicate-tree",
        replicateBody("team", "mirror", ",\"exclude_repos\":[\"team/b\"],\"exclude_tags\":[\"old\"]"));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    assertThat(job.path("result").path("RepositoriesReplicated").asLong()).isEqualTo(1);
    assertThat(job.path("result").path("RepositoriesFailed").asLong()).isZero();
    assertThat(job.path("result").path("TotalTagsCopied").asLong()).isEqualTo(1);
    OciClient to = new OciClient(destination.baseUrl());
    assertThat(to.catalog()).containsExactly("mirror/a");
    assertThat(to.tags("mirror/a")).containsExactly("latest");
    assertSameImage(to, "mirror/a", "latest", image);
  }

  /** The catalog is read page by page (Distribution refuses a page past its limit with 400), so no repository is missed. */
  @Test
  void aTreeOfMoreRepositoriesThanOneCatalogPageCopiesThemAll() throws Exception {
    OciClient from = new OciClient(source.baseUrl());
    OciImage image = OciImage.generate(1, 1024);
    for (int i = 0; i < 130; i++) {
      from.pushImage(String.format("fleet/app%03d", i), "latest", image);
    }
    JsonNode job = runToEnd("/api/v1/replicate-tree", replicateBody("fleet", "mirror", ""));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("completed");
    List<String> copied = new OciClient(destination.baseUrl()).catalog();
    assertThat(copied).hasSize(130).contains("mirror/app000", "mirror/app129");
  }

  @Test
  void aDryRunCopiesNothing() throws Exception {
    new OciClient(source.baseUrl()).pushImage("team/app", "v1", OciImage.generate(1, 1024));
    JsonNode job = runToEnd("/api/v1/replicate", replicateBody("team/app", "mirror/app", ",\"dry_run\":true"));
    assertThat(job.path("status").asText()).isEqualTo("completed");
    assertThat(new OciClient(destination.baseUrl()).catalog()).isEmpty();
  }

  @Test
  void aJobThatCannotCopyFailsWithTheReason() throws Exception {
    JsonNode job = runToEnd("/api/v1/replicate", replicateBody("no/such", "mirror/none", ""));
    assertThat(job.path("status").asText()).isEqualTo("failed");
    assertThat(job.path("error").asText()).contains("/v2/no/such/tags/list", "404");
    assertThat(send("GET", "/metrics", null).body()).contains("freightliner_jobs{status=\"failed\"} 1");
  }

  @Test
  void jobsAreListedByTypeAndStatus() throws Exception {
    new OciClient(source.baseUrl()).pushImage("team/app", "v1", OciImage.generate(1, 1024));
    runToEnd("/api/v1/replicate", replicateBody("team/app", "mirror/app", ""));
    runToEnd("/api/v1/replicate", replicateBody("no/such", "mirror/none", ""));
    JsonNode all = JSON.readTree(withKey("GET", "/api/v1/jobs", null).body());
    assertThat(all.path("count").asInt()).isEqualTo(2);
    JsonNode failed = JSON.readTree(withKey("GET", "/api/v1/jobs?type=replicate&status=failed", null).body());
    assertThat(failed.path("count").asInt()).isEqualTo(1);
    assertThat(failed.path("jobs").path(0).path("source").asText()).endsWith("/no/such");
    assertThat(JSON.readTree(withKey("GET", "/api/v1/jobs?type=replicate-tree", null).body()).path("count").asInt()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"source_registry", "source_repo", "dest_registry", "dest_repo"})
  void eachOfTheFourStringsIsRequired(String field) throws Exception {
    Map<String, Object> body = new java.util.HashMap<>(JSON.readValue(replicateBody("a", "b", ""), Map.class));
    body.remove(field);
    HttpResponse<String> answer = withKey("POST", "/api/v1/replicate", JSON.writeValueAsString(body));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo(field + " is required");
    body.put(field, "");
    assertThat(JSON.readTree(withKey("POST", "/api/v1/replicate-tree", JSON.writeValueAsString(body)).body())
        .path("error").asText()).isEqualTo(field + " is required");
  }

  @Test
  void badInputGetsA4xxWithTheReasonAndTheServerKeepsServing() throws Exception {
    assertError(withKey("POST", "/api/v1/replicate", "not json {"), 400, "the body is not JSON");
    assertError(withKey("POST", "/api/v1/replicate", "[1,2]"), 400, "the body must be a JSON object");
    assertError(withKey("POST", "/api/v1/replicate", ""), 400, "the body must be a JSON object");
    assertError(withKey("POST", "/api/v1/replicate", replicateBody("a", "b", ",\"tags\":\"v1\"")), 400, "tags must be a list of strings");
    assertError(withKey("POST", "/api/v1/replicate", replicateBody("a", "b", ",\"force\":\"yes\"")), 400, "force must be true or false");
    assertError(withKey("POST", "/api/v1/replicate",
        replicateBody("a", "b", "").replace(hostPort(source.baseUrl()), "10.0.0.1:5000")), 400, "must be a registry on loopback");
    assertError(withKey("POST", "/api/v1/replicate",
        replicateBody("a", "b", "").replace(hostPort(source.baseUrl()), "registry.example:5000")), 400, "must be a registry on loopback");
    assertError(withKey("POST", "/api/v1/replicate", "{\"x\":\"" + "y".repeat(70_000) + "\"}"), 413, "exceeds");
    assertError(withKey("GET", "/api/v1/jobs/nope", null), 404, "job nope not found");
    assertError(withKey("GET", "/api/v1/jobs?status=done", null), 400, "status must be one of");
    assertError(withKey("GET", "/api/v1/jobs?type=copy", null), 400, "type must be one of");
    assertError(withKey("DELETE", "/api/v1/jobs", null), 405, "not allowed");
    assertError(withKey("GET", "/api/v2/jobs", null), 404, "no route");
    assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
  }

  private static void assertError(HttpResponse<String> answer, int status, String message) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(JSON.readTree(answer.body()).path("error").asText()).contains(message);
  }
}
