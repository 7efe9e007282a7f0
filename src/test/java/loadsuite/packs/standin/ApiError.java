package loadsuite.packs.standin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the marketplace API: a status and {@code {"error": code, "message": text}}.
 * Thrown by the routes and written by {@link PackRoutes}; unchecked so that it can leave lambdas.
 */
final class ApiError extends RuntimeException {
  final int status;
  final String code;
  /** The {@code Allow} header of a 405, else null. */
  final String allow;

  private ApiError(int status, String code, String message, String allow) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.allow = allow;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message, null);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message, null);
  }

  static ApiError methodNotAllowed(String message, String allow) {
    return new ApiError(405, "method_not_allowed", message, allow);
  }

  static ApiError unavailable(String message) {
    return new ApiError(503, "service_unavailable", message, null);
  }

  static ApiError internal(String message) {
    return new ApiError(500, "internal_error", message, null);
  }

  Map<String, String> body() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", getMessage());
    return body;
  }
}
