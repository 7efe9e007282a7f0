package loadsuite.merge;

/** Input a merge cannot take (a folder that is not a run, runs that do not belong together): the message names the fix. */
public final class MergeException extends RuntimeException {
  public MergeException(String message) {
    super(message);
  }
}
