package loadsuite.config;

/** A problem with targets.conf or with the command line's overrides; the message names the key and the fix. */
public final class TargetsException extends RuntimeException {
  public TargetsException(String message) {
    super(message);
  }

  public TargetsException(String message, Throwable cause) {
    super(message, cause);
  }
}
