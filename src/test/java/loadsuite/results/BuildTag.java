package loadsuite.results;

/**
 * The build a run belongs to, recorded in its summary: {@code -Dbuild=…}, else Jenkins' {@code BUILD_TAG}
 * (which every step of a build has, and a forked JVM inherits), else none (a run on a workstation).
 */
public final class BuildTag {
  public static final String PROPERTY = "build";
  private static final String JENKINS = "BUILD_TAG";

  private BuildTag() {}

  /** This JVM's build, or null. */
  public static String current() {
    String tag = System.getProperty(PROPERTY, System.getenv(JENKINS));
    return tag == null || tag.isBlank() ? null : tag.strip();
  }
}
