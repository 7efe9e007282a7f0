package loadsuite.freightliner.standin;

/** An error of the job API, answered as {@code {"error": message}} with its status. */
final class ApiError extends RuntimeException {
  final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }
}
