package loadsuite.oci;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import loadsuite.http.BaseUrl;
import loadsuite.http.HttpClients;

/**
 * A client of the OCI distribution API on the JDK's HttpClient, sending what real clients
 * (go-containerregistry: crane, ko, Freightliner) send: a blob is pushed by HEAD (skipped when
 * present), POST, PATCH of the whole blob, PUT on the latest {@code Location} with the digest
 * added to its query; a manifest by PUT with its media type; pulls send an explicit {@code Accept}.
 * It works against CNCF Distribution as well as a strict OCI registry.
 *
 * <p>It asserts nothing: an answer other than the spec's throws {@link OciException} naming the
 * request and the answer. Suite set-up turns that into a stop before any load; tests wrap it.
 */
public final class OciClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  public OciClient(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** {@code method} on a path (after the registry's base URL, its path prefix kept) or an absolute URL; headers as name, value pairs. */
  public HttpResponse<byte[]> send(String method, String pathOrUrl, BodyPublisher body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(BaseUrl.join(baseUrl, pathOrUrl)).timeout(TIMEOUT).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new OciException(method + " " + pathOrUrl + " on " + baseUrl() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OciException(method + " " + pathOrUrl + ": interrupted", e);
    }
  }

  /** Whether the repository holds the blob (HEAD: 200 yes, 404 no). */
  public boolean hasBlob(String repository, String digest) {
    HttpResponse<byte[]> head = send("HEAD", blobPath(repository, digest), BodyPublishers.noBody());
    if (head.statusCode() != 200 && head.statusCode() != 404) {
      throw unexpected(head, "200 or 404");
    }
    return head.statusCode() == 200;
  }

  /** Uploads a blob: POST, PATCH of the whole content, PUT with its digest; gives the digest the registry answered. */
  public String uploadBlob(String repository, Blob blob) {
    HttpResponse<byte[]> started = expect(send("POST", "/v2/" + repository + "/blobs/uploads/", BodyPublishers.noBody()), 202);
    HttpResponse<byte[]> sent = expect(send("PATCH", location(started), BodyPublishers.ofByteArray(blob.content()),
        "Content-Type", "application/octet-stream"), 202);
    HttpResponse<byte[]> put = expect(send("PUT", withDigest(location(sent), blob.digest()), BodyPublishers.noBody()), 201);
    return expectDigest(put, blob.digest());
  }

  /** Pushes the image's blobs that the repository lacks, then its manifest as {@code tag}. */
  public void pushImage(String repository, String tag, OciImage image) {
    for (Blob blob : image.blobs()) {
      if (!hasBlob(repository, blob.digest())) {
        uploadBlob(repository, blob);
      }
    }
    pushManifest(repository, tag, image.manifest().content(), OciImage.MANIFEST_TYPE);
  }

  /** PUT of a manifest; gives the digest the registry answered, which must be the manifest's. */
  public String pushManifest(String repository, String reference, byte[] manifest, String mediaType) {
    HttpResponse<byte[]> put = expect(send("PUT", "/v2/" + repository + "/manifests/" + reference,
        BodyPublishers.ofByteArray(manifest), "Content-Type", mediaType), 201);
    return expectDigest(put, Blob.sha256(manifest));
  }

  /** GET of a manifest with {@code Accept} set to its media type. */
  public byte[] pullManifest(String repository, String reference, String mediaType) {
    return expect(send("GET", "/v2/" + repository + "/manifests/" + reference, BodyPublishers.noBody(), "Accept", mediaType), 200)
        .body();
  }

  /** GET of a blob, checked against its digest. */
  public byte[] pullBlob(String repository, String digest) {
    HttpResponse<byte[]> got = expect(send("GET", blobPath(repository, digest), BodyPublishers.noBody()), 200);
    if (!Blob.sha256(got.body()).equals(digest)) {
      throw new OciException("GET " + got.uri() + " answered content of digest " + Blob.sha256(got.body()) + ", not " + digest);
    }
    return got.body();
  }

  /**
   * Copies an image manifest and its blobs to another registry as Freightliner does: HEAD of the
   * destination's manifest (present with the same digest and not {@code force}: nothing to do), GET
   * of the source's manifest, then for the config and each layer HEAD at the destination, GET at
   * the source and an upload to the destination, and last the manifest PUT. Gives the manifest's
   * digest; the destination answered the same digest for every blob and the manifest.
   */
  public String copyImage(String repository, String reference, OciClient destination, String destinationRepository, boolean force) {
    HttpResponse<byte[]> present = destination.send("HEAD", "/v2/" + destinationRepository + "/manifests/" + reference,
        BodyPublishers.noBody(), "Accept", OciImage.MANIFEST_TYPE);
    byte[] manifest = pullManifest(repository, reference, OciImage.MANIFEST_TYPE);
    if (!force && present.statusCode() == 200
        && Blob.sha256(manifest).equals(present.headers().firstValue("Docker-Content-Digest").orElse(""))) {
      return Blob.sha256(manifest);
    }
    for (Descriptor blob : blobs(manifest)) {
      if (!destination.hasBlob(destinationRepository, blob.digest())) {
        destination.uploadBlob(destinationRepository, new Blob(pullBlob(repository, blob.digest()), blob.digest()));
      }
    }
    return destination.pushManifest(destinationRepository, reference, manifest, OciImage.MANIFEST_TYPE);
  }

  /** A blob an image manifest lists. */
  public record Descriptor(String digest, long size) {}

  /** The config and layers an image manifest lists. */
  public static java.util.List<Descriptor> blobs(byte[] manifest) {
    try {
      com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest);
      java.util.List<Descriptor> blobs = new java.util.ArrayList<>();
      blobs.add(new Descriptor(root.path("config").path("digest").asText(), root.path("config").path("size").asLong()));
      root.path("layers").forEach(layer -> blobs.add(new Descriptor(layer.path("digest").asText(), layer.path("size").asLong())));
      if (blobs.stream().anyMatch(b -> b.digest().isEmpty())) {
        throw new OciException("an image manifest without a config or layer digest: " + new String(manifest,
            java.nio.charset.StandardCharsets.UTF_8));
      }
      return blobs;
    } catch (IOException e) {
      throw new OciException("an image manifest that is not JSON: " + e.getMessage(), e);
    }
  }

  /** Entries a listing asks for at a time: Distribution refuses more than its limit (1000 by default) with 400. */
  private static final int PAGE = 100;

  /** The tags of a repository ({@code GET /v2/<name>/tags/list}), page by page. */
  public java.util.List<String> tags(String repository) {
    return paged("/v2/" + repository + "/tags/list?n=" + PAGE, "tags");
  }

  /** The repositories of the registry ({@code GET /v2/_catalog}), page by page. */
  public java.util.List<String> catalog() {
    return paged("/v2/_catalog?n=" + PAGE, "repositories");
  }

  /** Follows the {@code Link: <…>; rel="next"} of each page until the last. */
  private java.util.List<String> paged(String first, String field) {
    java.util.List<String> all = new java.util.ArrayList<>();
    String next = first;
    while (next != null) {
      HttpResponse<byte[]> page = expect(send("GET", next, BodyPublishers.noBody()), 200);
      all.addAll(names(page, field));
      next = page.headers().firstValue("Link")
          .map(link -> java.util.regex.Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?").matcher(link))
          .filter(java.util.regex.Matcher::find)
          .map(m -> m.group(1))
          .orElse(null);
    }
    return all;
  }

  private static java.util.List<String> names(HttpResponse<byte[]> response, String field) {
    try {
      java.util.List<String> names = new java.util.ArrayList<>();
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path(field).forEach(n -> names.add(n.asText()));
      return names;
    } catch (IOException e) {
      throw new OciException(response.request().method() + " " + response.uri() + " answered what is not JSON: " + e.getMessage(), e);
    }
  }

  /** Adds {@code digest=} to an upload Location's query, with {@code &} when it has one already (Distribution's {@code ?_state=}). */
  public static String withDigest(String location, String digest) {
    return location + (location.contains("?") ? "&" : "?") + "digest=" + digest;
  }

  /** The {@code Location} of an answer, which the next request of an upload must use. */
  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location")
        .orElseThrow(() -> new OciException(response.request().method() + " " + response.uri() + " answered without a Location"));
  }

  private static String blobPath(String repository, String digest) {
    return "/v2/" + repository + "/blobs/" + digest;
  }

  private static HttpResponse<byte[]> expect(HttpResponse<byte[]> response, int... statuses) {
    if (Arrays.stream(statuses).noneMatch(s -> s == response.statusCode())) {
      throw unexpected(response, Arrays.toString(statuses));
    }
    return response;
  }

  private static OciException unexpected(HttpResponse<byte[]> response, String expected) {
    String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    return new OciException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
        + ", not " + expected + (body.isBlank() ? "" : ": " + body.strip()));
  }

  private static String expectDigest(HttpResponse<byte[]> response, String digest) {
    String answered = response.headers().firstValue("Docker-Content-Digest").orElse("none");
    if (!answered.equals(digest)) {
      throw new OciException(response.request().method() + " " + response.uri() + " answered Docker-Content-Digest "
          + answered + ", not " + digest);
    }
    return answered;
  }
}
