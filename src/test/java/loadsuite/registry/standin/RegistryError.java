package loadsuite.registry.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the distribution API: a status and one entry of
 * {@code {"errors":[{"code","message","detail"}]}}. Thrown by the routes and written by
 * {@link RegistryRoutes}; unchecked so that it can leave lambdas.
 */
final class RegistryError extends RuntimeException {
  /** The spec's error codes, with their messages. */
  enum Code {
    BLOB_UNKNOWN("blob unknown to registry"),
    BLOB_UPLOAD_INVALID("blob upload invalid"),
    BLOB_UPLOAD_UNKNOWN("blob upload unknown to registry"),
    DIGEST_INVALID("provided digest did not match uploaded content"),
    MANIFEST_BLOB_UNKNOWN("manifest references a manifest or blob unknown to registry"),
    MANIFEST_INVALID("manifest invalid"),
    MANIFEST_UNKNOWN("manifest unknown to registry"),
    NAME_INVALID("invalid repository name"),
    NAME_UNKNOWN("repository name not known to registry"),
    SIZE_INVALID("provided length did not match content length"),
    UNSUPPORTED("the operation is unsupported"),
    TOOMANYREQUESTS("too many requests"),
    /** Not in the OCI spec: CNCF Distribution's code for a bad {@code n}. */
    PAGINATION_NUMBER_INVALID("invalid number of results requested");

    final String message;

    Code(String message) {
      this.message = message;
    }
  }

  final int status;
  final Code code;
  final String detail;
  /** Headers the answer carries besides the error body, such as {@code Range} on a 416. */
  final Map<String, String> headers = new LinkedHashMap<>();

  RegistryError(int status, Code code, String detail) {
    super(code + ": " + detail, null, false, false);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  RegistryError withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
