package loadsuite.sut;

/** The system under test cannot be reached or started; the message says how to fix it. */
public final class SutUnavailableException extends RuntimeException {
  public SutUnavailableException(String message) {
    super(message);
  }

  public SutUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
