package loadsuite.oci;

/** A registry did not answer a step of a push or pull as the distribution spec says; the message names the request and the answer. */
public final class OciException extends RuntimeException {
  public OciException(String message) {
    super(message);
  }

  public OciException(String message, Throwable cause) {
    super(message, cause);
  }
}
