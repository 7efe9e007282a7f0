package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static loadsuite.load.NamedRequests.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import loadsuite.load.RunId;
import loadsuite.oci.Blob;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciImage;

/**
 * The requests of the registry's workloads, in the order real clients (go-containerregistry)
 * send them, with the checks that make a wrong answer a failure: status codes, and
 * {@code Docker-Content-Digest} equal to the digest pushed or expected.
 *
 * <p>They work against CNCF Distribution as well as a strict OCI registry: each upload request
 * goes to the latest {@code Location} (Distribution's carries a {@code ?_state=} that changes at
 * every PATCH; relative ones are resolved against the base URL by Gatling, absolute ones are used
 * as they are), the digest is added to that Location's query with {@code ?} or {@code &}, and
 * manifest reads send an explicit {@code Accept}. The repository of every request is the
 * session's {@link #REPOSITORY}.
 */
final class RegistryRequests {
  static final String HEAD_BLOB = "HEAD /v2/{name}/blobs/{digest}";
  static final String START_UPLOAD = "POST /v2/{name}/blobs/uploads/";
  static final String SEND_UPLOAD = "PATCH {upload location}";
  static final String FINISH_UPLOAD = "PUT {upload location}?digest=";
  static final String PUT_MANIFEST = "PUT /v2/{name}/manifests/{tag}";
  static final String GET_MANIFEST = "GET /v2/{name}/manifests/{tag}";
  static final String HEAD_MANIFEST = "HEAD /v2/{name}/manifests/{tag}";
  static final String GET_BLOB = "GET /v2/{name}/blobs/{digest}";

  static final String TAG = "latest";
  static final String REPOSITORY = "repository";
  private static final String LOCATION = "uploadLocation";
  private static final String BLOB = "blob";
  private static final String BLOB_STATUS = "blobStatus";
  private static final String IMAGE = "image";
  private static final AtomicLong REPOSITORIES = new AtomicLong();

  private RegistryRequests() {}

  /** The repository of the image pushed before the load, which the pulls read. */
  static String preparedRepository(String workload) {
    return "loadtest/" + workload + "-" + RunId.VALUE;
  }

  /** Sets the session's repository to a new one: pushes of concurrent iterations never meet. */
  static ChainBuilder inNewRepository(String workload) {
    return exec(session -> session.set(REPOSITORY, preparedRepository(workload) + "-" + REPOSITORIES.incrementAndGet()));
  }

  static ChainBuilder inRepository(String repository) {
    return exec(session -> session.set(REPOSITORY, repository));
  }

  /** Sets the session's blob, which {@link #pushBlob} pushes: the next of {@code blobs}. */
  static ChainBuilder withBlob(Supplier<Blob> blobs) {
    return exec(session -> session.set(BLOB, blobs.get()));
  }

  /** The session's blob, set by {@link #withBlob}. */
  static Blob sessionBlob(Session session) {
    return session.get(BLOB);
  }

  /**
   * A blob push as go-containerregistry sends it: HEAD, then, when the registry lacks the blob (404),
   * POST, PATCH of the whole blob and PUT with its digest; when it holds it already (200, as a
   * registry with one blob store for all repositories does), nothing more.
   */
  static ChainBuilder pushBlob(Function<Session, Blob> blob) {
    return exec(session -> session.remove(BLOB_STATUS))
        .exec(http(HEAD_BLOB).head(session -> blobPath(session, blob.apply(session)))
            .check(status().in(200, 404).saveAs(BLOB_STATUS)))
        .doIf(session -> Integer.valueOf(404).equals(session.get(BLOB_STATUS))).then(exec(
            http(START_UPLOAD).post(session -> repositoryPath(session) + "/blobs/uploads/")
                .check(status().is(202), header("Location").saveAs(LOCATION)),
            http(SEND_UPLOAD).patch(session -> session.getString(LOCATION))
                .header("Content-Type", "application/octet-stream")
                .body(ByteArrayBody(session -> blob.apply(session).content()))
                .check(status().is(202), header("Location").saveAs(LOCATION)),
            http(FINISH_UPLOAD).put(session -> OciClient.withDigest(session.getString(LOCATION), blob.apply(session).digest()))
                .check(status().is(201), header("Docker-Content-Digest").is(session -> blob.apply(session).digest()))));
  }

  /** An image push: its config blob and layers, then its manifest by tag; {@code image} or new content of its shape each time. */
  static ChainBuilder pushImage(OciImage image, PushedContent content) {
    Supplier<OciImage> images = content.of(image);
    List<ChainBuilder> steps = new ArrayList<>();
    steps.add(exec(session -> session.set(IMAGE, images.get())));
    for (int i = 0; i < image.blobs().size(); i++) {
      int blob = i;
      steps.add(pushBlob(session -> image(session).blobs().get(blob)));
    }
    steps.add(exec(http(PUT_MANIFEST).put(session -> manifestPath(session))
        .header("Content-Type", OciImage.MANIFEST_TYPE)
        .body(ByteArrayBody(session -> image(session).manifest().content()))
        .check(status().is(201), header("Docker-Content-Digest").is(session -> image(session).manifest().digest()))));
    return exec(steps);
  }

  private static OciImage image(Session session) {
    return session.get(IMAGE);
  }

  /** An image pull: the manifest by tag, then the config blob and the layers. */
  static ChainBuilder pullImage(OciImage image) {
    List<ChainBuilder> steps = new ArrayList<>();
    steps.add(exec(getManifest(image)));
    for (Blob blob : image.blobs()) {
      steps.add(exec(getBlob(session -> blob)));
    }
    return exec(steps);
  }

  static HttpRequestActionBuilder getManifest(OciImage image) {
    return http(GET_MANIFEST).get(session -> manifestPath(session))
        .header("Accept", OciImage.MANIFEST_TYPE)
        .check(status().is(200), header("Docker-Content-Digest").is(image.manifest().digest()),
            bodyLength().is(image.manifest().content().length));
  }

  static HttpRequestActionBuilder headManifest(OciImage image) {
    return http(HEAD_MANIFEST).head(session -> manifestPath(session))
        .header("Accept", OciImage.MANIFEST_TYPE)
        .check(status().is(200), header("Docker-Content-Digest").is(image.manifest().digest()));
  }

  static HttpRequestActionBuilder getBlob(Function<Session, Blob> blob) {
    return http(GET_BLOB).get(session -> blobPath(session, blob.apply(session)))
        .check(status().is(200), header("Docker-Content-Digest").is(session -> blob.apply(session).digest()),
            bodyLength().is(session -> blob.apply(session).content().length));
  }

  private static String repositoryPath(Session session) {
    return "/v2/" + session.getString(REPOSITORY);
  }

  private static String blobPath(Session session, Blob blob) {
    return repositoryPath(session) + "/blobs/" + blob.digest();
  }

  private static String manifestPath(Session session) {
    return repositoryPath(session) + "/manifests/" + TAG;
  }
}
