package loadsuite.registry.standin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blob reads and deletes, and the upload sessions that create blobs. */
final class BlobRoutes {
  /** {@code <start>-<end>}, inclusive, as the spec writes it; the {@code bytes } form some clients send is accepted too. */
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("(?:bytes[ =])?(\\d{1,18})-(\\d{1,18})(?:/(?:\\d+|\\*))?");
  private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  private final BlobStore blobs;
  private final Uploads uploads;
  private final Repositories repositories;

  BlobRoutes(BlobStore blobs, Uploads uploads, Repositories repositories) {
    this.blobs = blobs;
    this.uploads = uploads;
    this.repositories = repositories;
  }

  /** GET or HEAD, whole or one {@code Range: bytes=a-b} (206). */
  void read(HttpServerExchange exchange, RegistryPath path, boolean withBody) throws IOException {
    Digest digest = Digest.parse(path.reference());
    try (Storage.StoredBlob blob = blobs.open(path.name(), digest)) {
      if (blob == null) {
        throw unknown(path, digest);
      }
      long size = blob.size();
      ByteRange range = ByteRange.parse(exchange.getRequestHeaders().getFirst(Headers.RANGE), size);
      if (range == null) {
        range = new ByteRange(0, size - 1);
      } else {
        exchange.setStatusCode(206);
        exchange.getResponseHeaders().put(Headers.CONTENT_RANGE, "bytes " + range.start + "-" + range.end + "/" + size);
      }
      exchange.getResponseHeaders()
          .put(Headers.CONTENT_TYPE, "application/octet-stream")
          .put(Headers.ACCEPT_RANGES, "bytes")
          .put(Exchanges.CONTENT_DIGEST, digest.toString());
      exchange.setResponseContentLength(range.length());
      if (withBody) {
        blob.writeTo(exchange.getOutputStream(), range.start, range.length());
      }
    }
  }

  void delete(HttpServerExchange exchange, RegistryPath path) throws IOException {
    Digest digest = Digest.parse(path.reference());
    if (!blobs.delete(path.name(), digest)) {
      throw unknown(path, digest);
    }
    exchange.setStatusCode(202);
  }

  /**
   * POST …/blobs/uploads/: a mount ({@code ?mount=&from=}) when {@code from} has the blob, a
   * monolithic upload when {@code ?digest=} is given (the body is the blob), else a new session.
   * A mount without {@code from}, or whose source lacks the blob, falls back to a session, as
   * the spec allows.
   */
  void startUpload(HttpServerExchange exchange, RegistryPath path) throws IOException {
    String name = path.name();
    String mount = Exchanges.query(exchange, "mount");
    String from = Exchanges.query(exchange, "from");
    String digestParameter = Exchanges.query(exchange, "digest");
    if (mount != null) {
      Digest mounted = Digest.parse(mount);
      if (from != null && blobs.mount(RegistryPath.checkName(from), name, mounted)) {
        created(exchange, name, mounted);
        return;
      }
    } else if (digestParameter != null) {
      Digest expected = Digest.parse(digestParameter);
      blobs.put(name, expected, Exchanges.body(exchange, blobs.maxBlobBytes()));
      created(exchange, name, expected);
      return;
    }
    Uploads.Upload upload = uploads.open(name);
    inProgress(exchange, 202, upload);
  }

  /** PATCH: appends the body; with {@code Content-Range} it must start right where the upload ends (else 416). */
  void appendChunk(HttpServerExchange exchange, RegistryPath path) throws IOException {
    uploads.use(path.name(), path.reference(), upload -> {
      String contentRange = exchange.getRequestHeaders().getFirst(Headers.CONTENT_RANGE);
      if (contentRange != null) {
        checkContinues(contentRange, upload.content.size(), exchange.getRequestContentLength());
      }
      upload.content.append(restOfBlob(exchange, upload));
      inProgress(exchange, 202, upload);
    });
  }

  /** GET of an upload: how much is stored. */
  void status(HttpServerExchange exchange, RegistryPath path) throws IOException {
    uploads.use(path.name(), path.reference(), upload -> inProgress(exchange, 204, upload));
  }

  /** PUT …?digest=: appends the final chunk if any, then verifies and publishes the blob. */
  void finishUpload(HttpServerExchange exchange, RegistryPath path) throws IOException {
    String digestParameter = Exchanges.query(exchange, "digest");
    if (digestParameter == null) {
      throw new RegistryError(400, RegistryError.Code.DIGEST_INVALID, "the PUT that completes an upload needs ?digest=");
    }
    Digest digest = Digest.parse(digestParameter);
    uploads.use(path.name(), path.reference(), upload -> {
      upload.content.append(restOfBlob(exchange, upload));
      uploads.end(upload);
      blobs.commit(path.name(), upload.content, digest);
    });
    created(exchange, path.name(), digest);
  }

  void cancelUpload(HttpServerExchange exchange, RegistryPath path) throws IOException {
    uploads.use(path.name(), path.reference(), upload -> {
      uploads.end(upload);
      upload.content.discard();
    });
    exchange.setStatusCode(204);
  }

  /** The request body, bounded by what the blob may still grow. */
  private InputStream restOfBlob(HttpServerExchange exchange, Uploads.Upload upload) {
    return Exchanges.body(exchange, blobs.maxBlobBytes() - upload.content.size());
  }

  private void created(HttpServerExchange exchange, String name, Digest digest) {
    repositories.create(name);
    exchange.setStatusCode(201);
    exchange.getResponseHeaders()
        .put(Headers.LOCATION, "/v2/" + name + "/blobs/" + digest)
        .put(Exchanges.CONTENT_DIGEST, digest.toString());
  }

  private static void inProgress(HttpServerExchange exchange, int status, Uploads.Upload upload) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders()
        .put(Headers.LOCATION, "/v2/" + upload.repository + "/blobs/uploads/" + upload.id)
        .put(Headers.RANGE, storedRange(upload.content.size()))
        .put(Exchanges.UPLOAD_UUID, upload.id);
  }

  private static RegistryError unknown(RegistryPath path, Digest digest) {
    return new RegistryError(404, RegistryError.Code.BLOB_UNKNOWN, digest + " is not in " + path.name());
  }

  /** The spec's {@code Range} of an upload: {@code 0-<last byte>}, and {@code 0-0} while it is empty. */
  private static String storedRange(long size) {
    return "0-" + Math.max(0, size - 1);
  }

  private static void checkContinues(String contentRange, long stored, long contentLength) {
    Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
    boolean continues = m.matches()
        && Long.parseLong(m.group(1)) == stored
        && Long.parseLong(m.group(2)) >= stored
        && (contentLength < 0 || Long.parseLong(m.group(2)) - stored + 1 == contentLength);
    if (!continues) {
      throw new RegistryError(416, RegistryError.Code.BLOB_UPLOAD_INVALID,
              "Content-Range '" + contentRange + "' does not continue the upload, which holds " + stored + " bytes")
          .withHeader("Range", storedRange(stored));
    }
  }

  /** Bytes {@code start} to {@code end} of a blob, inclusive. */
  private record ByteRange(long start, long end) {
    /**
     * {@code Range: bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}; null (the whole blob) for
     * none, an invalid one or another kind, as HTTP allows; 416 when it starts past the end.
     */
    static ByteRange parse(String header, long size) {
      Matcher m = header == null ? null : BYTE_RANGE.matcher(header.trim());
      if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
        return null;
      }
      ByteRange range;
      if (m.group(1).isEmpty()) {
        range = new ByteRange(Math.max(0, size - Long.parseLong(m.group(2))), size - 1);
      } else {
        long start = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < start) {
          return null;
        }
        range = new ByteRange(start, Math.min(last, size - 1));
      }
      if (range.start >= size) {
        throw new RegistryError(416, RegistryError.Code.SIZE_INVALID,
                "range '" + header + "' is outside the blob's " + size + " bytes")
            .withHeader("Content-Range", "bytes */" + size);
      }
      return range;
    }

    long length() {
      return end - start + 1;
    }
  }
}
