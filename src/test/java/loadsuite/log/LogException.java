package loadsuite.log;

/** A file that cannot be read as a simulation.log of this Gatling version: the message names the fix. */
public final class LogException extends RuntimeException {
  public LogException(String message) {
    super(message);
  }
}
