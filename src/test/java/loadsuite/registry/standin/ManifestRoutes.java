package loadsuite.registry.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Manifest pushes, pulls and deletes, by tag or by digest. */
final class ManifestRoutes {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  private static final Set<String> MEDIA_TYPES = Set.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);
  private static final Set<String> INDEX_TYPES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
  /** The spec's limit that registries should accept at least; larger gets 413. */
  static final int MAX_MANIFEST_BYTES = 4 << 20;
  private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlobStore blobs;
  private final Repositories repositories;

  ManifestRoutes(BlobStore blobs, Repositories repositories) {
    this.blobs = blobs;
    this.repositories = repositories;
  }

  /** A manifest reference: a digest when it has a colon, else a tag. */
  private record Reference(String tag, Digest digest) {
    /** Whether {@code reference} is a tag by the grammar or has a colon (then parsed, and answered, as a digest). */
    static boolean tagOrDigest(String reference) {
      return reference.contains(":") || TAG.matcher(reference).matches();
    }

    /** The reference, or 400 {@code MANIFEST_INVALID} for a tag that breaks the grammar, {@code DIGEST_INVALID} for a bad digest. */
    static Reference parse(String reference) {
      if (reference.contains(":")) {
        return new Reference(null, Digest.parse(reference));
      }
      if (!TAG.matcher(reference).matches()) {
        throw invalid("'" + reference + "' is neither a digest nor a tag ([a-zA-Z0-9_][a-zA-Z0-9._-]{0,127})");
      }
      return new Reference(reference, null);
    }
  }

  void put(HttpServerExchange exchange, RegistryPath path) throws IOException {
    Reference reference = Reference.parse(path.reference());
    String mediaType = mediaType(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
    if (!MEDIA_TYPES.contains(mediaType)) {
      throw invalid("Content-Type must be one of " + MEDIA_TYPES + ", got '" + mediaType + "'");
    }
    byte[] content = Exchanges.body(exchange, MAX_MANIFEST_BYTES).readAllBytes();
    JsonNode manifest = parseObject(content);
    if (manifest.has("mediaType") && !mediaType.equals(manifest.get("mediaType").asText())) {
      throw invalid("its mediaType " + manifest.get("mediaType") + " differs from its Content-Type " + mediaType);
    }
    checkReferences(path.name(), mediaType, manifest);
    if (reference.digest != null && !reference.digest.equals(Digest.of(reference.digest.algorithm(), content))) {
      throw new RegistryError(400, RegistryError.Code.DIGEST_INVALID,
          "the manifest's digest is not " + reference.digest + ", which it was pushed by");
    }
    Digest digest = Digest.of(Digest.SHA256, content);
    repositories.create(path.name())
        .put(new Repository.Manifest(mediaType, content, digest), reference.digest, reference.tag);
    exchange.setStatusCode(201);
    exchange.getResponseHeaders()
        .put(Headers.LOCATION, "/v2/" + path.name() + "/manifests/" + digest)
        .put(Exchanges.CONTENT_DIGEST, (reference.digest == null ? digest : reference.digest).toString());
  }

  /**
   * GET or HEAD. With an {@code Accept} header that lists neither the manifest's media type nor
   * &#42;/&#42;, the answer is 404 {@code MANIFEST_UNKNOWN}, as CNCF Distribution answers
   * (rather than 406): the registry has no manifest in a form the client accepts.
   *
   * <p>A reference that is neither a tag nor a digest ({@code .INVALID_MANIFEST_NAME}) names no
   * manifest that can exist: 404 {@code MANIFEST_UNKNOWN}, the only failure the spec lists for
   * GET and HEAD (end-3) and what its conformance suite expects. PUT and DELETE of such a
   * reference stay 400 {@code MANIFEST_INVALID} (end-9 lists 400 for DELETE), and a malformed
   * digest stays 400 {@code DIGEST_INVALID} everywhere, as the spec recommends.
   */
  void read(HttpServerExchange exchange, RegistryPath path, boolean withBody) {
    if (!Reference.tagOrDigest(path.reference())) {
      throw unknown(path);
    }
    Reference reference = Reference.parse(path.reference());
    Repository.Manifest manifest = find(path.name(), reference);
    if (manifest == null || !accepts(exchange, manifest.mediaType())) {
      throw unknown(path);
    }
    exchange.setStatusCode(200);
    exchange.getResponseHeaders()
        .put(Headers.CONTENT_TYPE, manifest.mediaType())
        .put(Exchanges.CONTENT_DIGEST, (reference.digest == null ? manifest.digest() : reference.digest).toString());
    exchange.setResponseContentLength(manifest.content().length);
    if (withBody) {
      exchange.getResponseSender().send(ByteBuffer.wrap(manifest.content()));
    }
  }

  /**
   * By digest: the manifest and every tag pointing to it. By tag: only the tag, which the OCI
   * spec allows (CNCF Distribution answers 400 instead); the manifest stays reachable by digest.
   */
  void delete(HttpServerExchange exchange, RegistryPath path) {
    Reference reference = Reference.parse(path.reference());
    Repository repository = repositories.find(path.name());
    boolean deleted = repository != null
        && (reference.digest != null ? repository.delete(reference.digest) : repository.untag(reference.tag));
    if (!deleted) {
      throw unknown(path);
    }
    exchange.setStatusCode(202);
  }

  private Repository.Manifest find(String name, Reference reference) {
    Repository repository = repositories.find(name);
    if (repository == null) {
      return null;
    }
    return reference.digest != null ? repository.byDigest(reference.digest) : repository.byTag(reference.tag);
  }

  /**
   * An image's config and layers must be blobs of the repository; an index's manifests must be
   * manifests of it. Each is {@code {"digest": …}}; 400 {@code MANIFEST_BLOB_UNKNOWN} for a missing one.
   */
  private void checkReferences(String name, String mediaType, JsonNode manifest) {
    boolean index = INDEX_TYPES.contains(mediaType);
    List<JsonNode> descriptors = new ArrayList<>();
    if (index) {
      manifest.path("manifests").forEach(descriptors::add);
    } else {
      if (!manifest.path("config").isObject()) {
        throw invalid("an image manifest needs a config descriptor");
      }
      descriptors.add(manifest.get("config"));
      manifest.path("layers").forEach(descriptors::add);
    }
    Repository repository = repositories.find(name);
    for (JsonNode descriptor : descriptors) {
      if (!descriptor.path("digest").isTextual()) {
        throw invalid("every descriptor needs a digest: " + descriptor);
      }
      Digest digest = Digest.parse(descriptor.get("digest").asText());
      boolean known = index
          ? repository != null && repository.byDigest(digest) != null
          : blobs.contains(name, digest);
      if (!known) {
        // the spec's 400; the seed's own registry answers 404, a defect
        throw new RegistryError(400, RegistryError.Code.MANIFEST_BLOB_UNKNOWN,
            (index ? "manifest " : "blob ") + digest + " is not in " + name);
      }
    }
  }

  private static JsonNode parseObject(byte[] content) {
    try {
      JsonNode json = JSON.readTree(content);
      if (json != null && json.isObject()) {
        return json;
      }
    } catch (IOException e) {
      // answered below
    }
    throw invalid("the body is not a JSON object");
  }

  /** Whether the {@code Accept} headers (comma-separated lists, parameters ignored) allow {@code mediaType}; none allow all. */
  private static boolean accepts(HttpServerExchange exchange, String mediaType) {
    var accept = exchange.getRequestHeaders().get(Headers.ACCEPT);
    if (accept == null || accept.isEmpty()) {
      return true;
    }
    for (String header : accept) {
      for (String listed : header.split(",")) {
        String type = mediaType(listed);
        if (type.equals(mediaType) || type.equals("*/*")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The media type of a Content-Type or Accept entry, without parameters, lower case; "" for none. */
  private static String mediaType(String header) {
    return header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  private static RegistryError invalid(String detail) {
    return new RegistryError(400, RegistryError.Code.MANIFEST_INVALID, detail);
  }

  private static RegistryError unknown(RegistryPath path) {
    return new RegistryError(404, RegistryError.Code.MANIFEST_UNKNOWN,
        path.reference() + " is not a manifest of " + path.name());
  }
}
