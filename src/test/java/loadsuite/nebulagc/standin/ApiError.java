package loadsuite.nebulagc.standin;

/**
 * An error answer of the API: a status, the error code and a message, written as
 * {@code {"error","message","request_id"}} by {@link Exchanges#error}. Thrown by the routes; unchecked so
 * that it leaves lambdas. The codes and messages are the real server's.
 */
final class ApiError extends RuntimeException {
  final int status;
  final String code;

  ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError unauthorized() {
    return new ApiError(401, "unauthorized", "Authentication failed");
  }

  static ApiError notFound() {
    return new ApiError(404, "not_found", "Resource not found");
  }

  /** The real server's answer to a body it cannot bind or a parameter out of range. */
  static ApiError invalidRequest() {
    return new ApiError(400, "invalid_request", "Invalid request parameters");
  }

  static ApiError rateLimited() {
    return new ApiError(429, "rate_limit_exceeded", "Rate limit exceeded");
  }
}
