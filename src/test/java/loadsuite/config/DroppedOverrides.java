package loadsuite.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Finds the {@code -D} options of the Maven command line that never reached this JVM. Gatling's
 * Maven plugin drops a property whose name holds a space (it logs an error and runs on), so a
 * per-request goal such as {@code -Druntime.sustained.goals."GET /x".p95=10ms} would silently not
 * apply. Maven's launcher exports its command line as {@code MAVEN_CMD_LINE_ARGS}, joined by
 * spaces, which the plugin's fork inherits: a {@code -D} word there that names one of the suite's
 * keys but is not a property here was dropped.
 */
public final class DroppedOverrides {
  /** The environment variable Maven's launcher exports with its arguments. */
  public static final String MAVEN_ARGS = "MAVEN_CMD_LINE_ARGS";

  private DroppedOverrides() {}

  /**
   * @param commandLine Maven's arguments joined by spaces, or null outside Maven
   * @param roots the first path segments of the suite's keys: systems, sut, profile, …
   * @return the dropped words, as the user's shell passed them (split at spaces)
   */
  public static List<String> find(String commandLine, Properties received, Set<String> roots) {
    List<String> dropped = new ArrayList<>();
    if (commandLine == null) {
      return dropped;
    }
    for (String word : commandLine.trim().split("\\s+")) {
      if (!word.startsWith("-D") || word.length() == 2) {
        continue;
      }
      String name = word.substring(2).split("=", 2)[0];
      String root = name.split("[.\"]", 2)[0];
      if (roots.contains(root) && !received.containsKey(name)) {
        dropped.add(word);
      }
    }
    return dropped;
  }

  /** Stops the run when an option of the suite given on Maven's command line did not arrive. */
  public static void check(Properties received, Set<String> roots) {
    List<String> dropped = find(System.getenv(MAVEN_ARGS), received, roots);
    if (!dropped.isEmpty()) {
      throw new TargetsException("the option " + String.join(" ", dropped) + " did not reach the run: Gatling's Maven plugin"
          + " drops a -D whose name holds a space. Give such values in -D" + Targets.OVERRIDES_PROPERTY
          + ", as HOCON relative to the profile: -D" + Targets.OVERRIDES_PROPERTY
          + "='runtime.sustained.goals.\"GET /simple\".p95 = 10ms'");
    }
  }
}
