package loadsuite.freightliner;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static loadsuite.load.NamedRequests.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import loadsuite.http.BaseUrl;
import loadsuite.load.NamedRequests;
import loadsuite.load.RunId;
import loadsuite.load.ServiceUrls;
import loadsuite.load.Timings;
import loadsuite.oci.Blob;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciImage;

/**
 * The requests of Freightliner's workloads: its data path between the two registries, as its
 * own load generator models it, and its job API ({@code freightliner serve}). Registry requests go
 * to the absolute URLs of the {@code source} and {@code destination} services; the job API is the
 * protocol's base URL and every call carries {@code X-API-Key}.
 */
final class FreightlinerRequests {
  static final String COPY_IMAGE = "copy image";
  static final String HEAD_DESTINATION_MANIFEST = "HEAD destination manifest";
  static final String GET_SOURCE_MANIFEST = "GET source manifest";
  static final String HEAD_DESTINATION_BLOB = "HEAD destination blob";
  static final String GET_SOURCE_BLOB = "GET source blob";
  static final String START_DESTINATION_UPLOAD = "POST destination upload";
  static final String SEND_DESTINATION_UPLOAD = "PATCH destination upload";
  static final String FINISH_DESTINATION_UPLOAD = "PUT destination upload";
  static final String PUT_DESTINATION_MANIFEST = "PUT destination manifest";

  static final String SUBMIT_REPLICATE = "POST /api/v1/replicate";
  static final String SUBMIT_REPLICATE_TREE = "POST /api/v1/replicate-tree";
  static final String GET_JOB = "GET /api/v1/jobs/{id}";
  static final String LIST_JOBS = "GET /api/v1/jobs";
  static final String HEALTH = "GET /health";
  static final String CHECK_DESTINATION = "GET destination manifest";
  /** Not a request: from a job's submission until the API reports it completed (or it failed, or timed out). */
  static final String JOB_COMPLETION = "job completion";

  static final String SOURCE = "source";
  static final String DESTINATION = "destination";
  static final String API_KEY_HEADER = "X-API-Key";
  /** Session key: the job API's key, fed to every virtual user. */
  static final String API_KEY = "apiKey";

  private static final AtomicLong DESTINATIONS = new AtomicLong();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TAG = "copyTag";
  private static final String TARGET = "copyTarget";
  private static final String BLOB = "copyBlob";
  private static final String LOCATION = "copyLocation";
  private static final String JOB_ID = "jobId";
  private static final String JOB_STATUS = "jobStatus";
  private static final String JOB_ERROR = "jobError";
  private static final String JOB_SUCCESS = "jobSuccess";
  private static final String JOB_REPOSITORIES_FAILED = "jobRepositoriesFailed";
  private static final String JOB_SUBMITTED = "jobSubmitted";
  private static final String POLLS = "jobPolls";

  private FreightlinerRequests() {}

  /** The source repository the preparation fills and the copies read. */
  static String sourceRepository(String workload) {
    return "loadtest/" + workload + "-" + RunId.VALUE;
  }

  /** The tag of the {@code i}-th image of the source repository. */
  static String tag(int i) {
    return "v" + (i + 1);
  }

  /**
   * The next tag of the source, round robin over {@code tags}, and a new destination repository
   * under {@code prefix}: copies of concurrent workers never meet at the destination.
   */
  static ChainBuilder nextCopy(String prefix, int tags) {
    return exec(session -> {
      long n = DESTINATIONS.incrementAndGet();
      return session.set(TAG, tag((int) (n % tags))).set(TARGET, prefix + "-" + RunId.VALUE + "-" + n);
    });
  }

  /**
   * One image copied from the source repository to the session's destination repository, in
   * Freightliner's sequence: HEAD of the destination manifest (404: not there yet), GET of the
   * source manifest, then for the config and each layer HEAD at the destination (404), GET at the
   * source and the upload of the bytes read (POST, PATCH, PUT with the digest), and last the PUT
   * of the manifest. Digests and lengths are checked at every step. Measured, it is the group
   * {@link #COPY_IMAGE}: its time is the replication latency.
   */
  static ChainBuilder copyImage(String sourceRepository, OciImage image) {
    return NamedRequests.group(COPY_IMAGE, () -> copySteps(sourceRepository, image));
  }

  private static ChainBuilder copySteps(String sourceRepository, OciImage image) {
    List<ChainBuilder> steps = new ArrayList<>();
    steps.add(exec(http(HEAD_DESTINATION_MANIFEST).head(session -> destinationUrl(session, "/manifests/" + tagOf(session)))
        .header("Accept", OciImage.MANIFEST_TYPE)
        .check(status().is(404))));
    steps.add(exec(http(GET_SOURCE_MANIFEST).get(session -> sourceUrl(session, sourceRepository, "/manifests/" + tagOf(session)))
        .header("Accept", OciImage.MANIFEST_TYPE)
        .check(status().is(200), header("Docker-Content-Digest").is(image.manifest().digest()),
            bodyLength().is(image.manifest().content().length))));
    for (Blob blob : image.blobs()) {
      steps.add(copyBlob(sourceRepository, blob));
    }
    steps.add(exec(http(PUT_DESTINATION_MANIFEST).put(session -> destinationUrl(session, "/manifests/" + tagOf(session)))
        .header("Content-Type", OciImage.MANIFEST_TYPE)
        .body(ByteArrayBody(image.manifest().content()))
        .check(status().is(201), header("Docker-Content-Digest").is(image.manifest().digest()))));
    return exec(steps);
  }

  /** The bytes read from the source are the bytes sent to the destination, then let go. */
  private static ChainBuilder copyBlob(String sourceRepository, Blob blob) {
    return exec(
        http(HEAD_DESTINATION_BLOB).head(session -> destinationUrl(session, "/blobs/" + blob.digest()))
            .check(status().is(404)),
        http(GET_SOURCE_BLOB).get(session -> sourceUrl(session, sourceRepository, "/blobs/" + blob.digest()))
            .check(status().is(200), header("Docker-Content-Digest").is(blob.digest()), bodyLength().is(blob.content().length),
                bodyBytes().saveAs(BLOB)),
        http(START_DESTINATION_UPLOAD).post(session -> destinationUrl(session, "/blobs/uploads/"))
            .check(status().is(202), header("Location").saveAs(LOCATION)),
        http(SEND_DESTINATION_UPLOAD).patch(FreightlinerRequests::uploadUrl)
            .header("Content-Type", "application/octet-stream")
            .body(ByteArrayBody(session -> session.get(BLOB)))
            .check(status().is(202), header("Location").saveAs(LOCATION)),
        http(FINISH_DESTINATION_UPLOAD).put(session -> OciClient.withDigest(uploadUrl(session), blob.digest()))
            .check(status().is(201), header("Docker-Content-Digest").is(blob.digest())))
        .exec(session -> session.remove(BLOB));
  }

  /** A replication job of the session's tag into its destination repository, polled until it ends, and its result checked. */
  static ChainBuilder replicateJob(String sourceRepository, String imageDigest, Duration pollInterval, int maxPolls) {
    return exec(submit(SUBMIT_REPLICATE, "/api/v1/replicate", session -> {
      Map<String, Object> body = jobBody(session, sourceRepository, targetOf(session));
      body.put("tags", List.of(tagOf(session)));
      return body;
    }))
        .exec(awaitJob(pollInterval, maxPolls))
        .exec(checkDestination(FreightlinerRequests::targetOf, FreightlinerRequests::tagOf, imageDigest));
  }

  /**
   * A replicate-tree job of every repository under {@code sourcePrefix} into the session's
   * destination prefix, polled until it ends; then each replicated repository's manifest of
   * {@code tag} is checked at the destination.
   */
  static ChainBuilder replicateTreeJob(String sourcePrefix, List<String> repositories, String tag, String imageDigest,
      Duration pollInterval, int maxPolls) {
    List<ChainBuilder> checks = new ArrayList<>();
    for (String repository : repositories) {
      String below = repository.substring(sourcePrefix.length());
      checks.add(exec(checkDestination(session -> targetOf(session) + below, session -> tag, imageDigest)));
    }
    return exec(submit(SUBMIT_REPLICATE_TREE, "/api/v1/replicate-tree",
        session -> jobBody(session, sourcePrefix, targetOf(session))))
        .exec(awaitJob(pollInterval, maxPolls))
        .exec(checks);
  }

  private static HttpRequestActionBuilder submit(String name, String path, Function<Session, Map<String, Object>> body) {
    return api(http(name).post(path))
        .header("Content-Type", "application/json")
        .body(StringBody(session -> json(body.apply(session))))
        .check(status().is(202), jsonPath("$.status").in("pending", "running"), jsonPath("$.job_id").saveAs(JOB_ID));
  }

  /**
   * Polls the job every {@code pollInterval} until it is neither pending nor running, at most {@code maxPolls} times. A 202
   * may already say running: the real job API answers the job's status when a worker took it first.
   */
  private static ChainBuilder awaitJob(Duration pollInterval, int maxPolls) {
    ChainBuilder polled = exec(session -> session.set(JOB_SUBMITTED, System.currentTimeMillis()).set(POLLS, 0).set(JOB_STATUS, "pending")
            .remove(JOB_ERROR).remove(JOB_SUCCESS).remove(JOB_REPOSITORIES_FAILED))
        .asLongAs(session -> running(session) && session.getInt(POLLS) < maxPolls).on(
            exec(io.gatling.javaapi.core.CoreDsl.pause(pollInterval))
                .exec(api(http(GET_JOB).get(session -> "/api/v1/jobs/" + session.getString(JOB_ID)))
                    .check(status().is(200), jsonPath("$.id").isEL("#{" + JOB_ID + "}"), jsonPath("$.status").saveAs(JOB_STATUS),
                        jsonPath("$.error").optional().saveAs(JOB_ERROR), jsonPath("$.result.Success").optional().saveAs(JOB_SUCCESS),
                        jsonPath("$.result.RepositoriesFailed").optional().saveAs(JOB_REPOSITORIES_FAILED)))
                .exec(session -> session.set(POLLS, session.getInt(POLLS) + 1)));
    return polled.exec(Timings.record(JOB_COMPLETION, session -> new Timings.Measured(session, List.of(completion(session, maxPolls)))));
  }

  private static Timings.Timing completion(Session session, int maxPolls) {
    long submitted = session.getLong(JOB_SUBMITTED);
    long now = System.currentTimeMillis();
    String status = session.getString(JOB_STATUS);
    if ("completed".equals(status)) {
      // the real Freightliner ends a job whose copies failed as completed; its result (Go field names) says so
      if ("false".equals(session.getString(JOB_SUCCESS))) {
        return Timings.Timing.failed(submitted, now, "a replicate job said completed, but its result says Success false");
      }
      String repositoriesFailed = session.getString(JOB_REPOSITORIES_FAILED);
      if (repositoriesFailed != null && !"0".equals(repositoriesFailed)) {
        return Timings.Timing.failed(submitted, now, "a replicate-tree job said completed, but its result says RepositoriesFailed > 0");
      }
      return Timings.Timing.ok(submitted, now);
    }
    if (running(session)) {
      return Timings.Timing.failed(submitted, now, "job " + session.getString(JOB_ID) + " still " + status + " after " + maxPolls + " polls");
    }
    String error = session.contains(JOB_ERROR) ? ": " + session.getString(JOB_ERROR) : "";
    return Timings.Timing.failed(submitted, now, "job ended " + status + error);
  }

  private static boolean running(Session session) {
    String status = session.getString(JOB_STATUS);
    return "pending".equals(status) || "running".equals(status);
  }

  private static HttpRequestActionBuilder checkDestination(Function<Session, String> repository, Function<Session, String> tag,
      String digest) {
    return http(CHECK_DESTINATION).get(session -> ServiceUrls.of(session, DESTINATION) + "/v2/" + repository.apply(session) + "/manifests/"
            + tag.apply(session))
        .header("Accept", OciImage.MANIFEST_TYPE)
        .check(status().is(200).name("a completed job's image at the destination: status.find.is(200)"), header("Docker-Content-Digest").is(digest));
  }

  static HttpRequestActionBuilder health() {
    return http(HEALTH).get("/health").check(status().is(200), jsonPath("$.status").is("healthy"));
  }

  static HttpRequestActionBuilder listJobs(String status) {
    return api(http(LIST_JOBS).get("/api/v1/jobs?status=" + status)).check(status().is(200), jsonPath("$.count").exists());
  }

  /** A request to the job API, with its key (only there: the registries never see it). */
  private static HttpRequestActionBuilder api(HttpRequestActionBuilder request) {
    return request.header(API_KEY_HEADER, "#{" + API_KEY + "}");
  }

  /** Freightliner's registry addresses: {@code host:port}, as its CLI and job API take them. */
  static String address(String baseUrl) {
    URI uri = URI.create(baseUrl);
    return uri.getHost() + ":" + uri.getPort();
  }

  private static Map<String, Object> jobBody(Session session, String sourceRepo, String destRepo) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source_registry", address(ServiceUrls.of(session, SOURCE)));
    body.put("source_repo", sourceRepo);
    body.put("dest_registry", address(ServiceUrls.of(session, DESTINATION)));
    body.put("dest_repo", destRepo);
    return body;
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tagOf(Session session) {
    return session.getString(TAG);
  }

  private static String targetOf(Session session) {
    return session.getString(TARGET);
  }

  private static String sourceUrl(Session session, String repository, String rest) {
    return ServiceUrls.of(session, SOURCE) + "/v2/" + repository + rest;
  }

  private static String destinationUrl(Session session, String rest) {
    return ServiceUrls.of(session, DESTINATION) + "/v2/" + targetOf(session) + rest;
  }

  /** The latest upload Location after the destination's base URL (Distribution's are absolute, others relative), as the registry workloads' Gatling does. */
  private static String uploadUrl(Session session) {
    return BaseUrl.join(ServiceUrls.of(session, DESTINATION), session.getString(LOCATION)).toString();
  }
}
