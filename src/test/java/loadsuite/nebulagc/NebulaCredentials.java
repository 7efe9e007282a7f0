package loadsuite.nebulagc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;
import loadsuite.container.ContainerSettings;
import loadsuite.nebulagc.standin.NebulaStandIn;
import loadsuite.sut.RunningSystem;
import loadsuite.suite.Suite;

/**
 * The admin node's token and the cluster's token that the server was started with, which the
 * preparation uses (through the admin API) to create the nodes of the load. Where they come from:
 * <ul>
 *   <li>embedded: generated at random for this run (48 characters), and given to the stand-in;
 *   <li>container: the container's environment in targets.conf ({@code sut.container.nebulagc.env},
 *       {@code NEBULAGC_ADMIN_TOKEN} and {@code NEBULAGC_CLUSTER_TOKEN}): fixed test tokens of the
 *       stand-in image, overridable with {@code -Dsut.container.nebulagc.env.NEBULAGC_ADMIN_TOKEN=…};
 *   <li>external: the operator's, {@code -Dsut.credentials.nebulagc.admin-token=…} and
 *       {@code -Dsut.credentials.nebulagc.cluster-token=…}.
 * </ul>
 * A token is never printed in full: {@link #masked} shows its first 4 characters.
 */
record NebulaCredentials(String adminToken, String clusterToken, String origin) {
  static final String ADMIN_ENV = "NEBULAGC_ADMIN_TOKEN";
  static final String CLUSTER_ENV = "NEBULAGC_CLUSTER_TOKEN";
  /** What the server requires of a token. */
  static final int MIN_LENGTH = 41;
  /** This JVM's embedded stand-in's tokens. */
  static final NebulaCredentials EMBEDDED = new NebulaCredentials(generate(), generate(), "generated for the embedded stand-in");

  /** The credentials of the system as it runs: embedded, in its container, or external. */
  static NebulaCredentials of(RunningSystem system) {
    return switch (system.mode()) {
      case "embedded" -> EMBEDDED;
      case "container" -> fromContainerEnvironment();
      default -> fromOptions();
    };
  }

  /** The embedded stand-in's options: these tokens, the real server's rate limits. */
  NebulaStandIn.Options standInOptions() {
    return NebulaStandIn.Options.defaults(adminToken, clusterToken);
  }

  /** The tokens as they may be printed, with where they come from. */
  String describe() {
    return "admin token " + masked(adminToken) + ", cluster token " + masked(clusterToken) + " (" + origin + ")";
  }

  /** The first 4 characters and an ellipsis. */
  static String masked(String token) {
    return token.substring(0, Math.min(4, token.length())) + "…";
  }

  private static NebulaCredentials fromContainerEnvironment() {
    ContainerSettings settings = ContainerSettings.read(Suite.targets().sut().section("container"));
    Map<String, String> env = settings.service(NebulaSystem.SPEC.containerKey(NebulaSystem.SPEC.primary())).env(0);
    String where = "sut.container." + NebulaSystem.NAME + ".env.";
    return new NebulaCredentials(required(env.get(ADMIN_ENV), where + ADMIN_ENV), required(env.get(CLUSTER_ENV), where + CLUSTER_ENV),
        "the container's environment in targets.conf");
  }

  private static NebulaCredentials fromOptions() {
    Section sut = Suite.targets().sut();
    String where = "sut.credentials." + NebulaSystem.NAME + ".";
    Section credentials = sut.has("credentials") && sut.section("credentials").keys().contains(NebulaSystem.NAME)
        ? sut.section("credentials").section(NebulaSystem.NAME) : null;
    String admin = credentials != null && credentials.has("admin-token") ? credentials.string("admin-token") : "";
    String cluster = credentials != null && credentials.has("cluster-token") ? credentials.string("cluster-token") : "";
    return new NebulaCredentials(required(admin, where + "admin-token"), required(cluster, where + "cluster-token"),
        "-D" + where + "admin-token and cluster-token");
  }

  private static String required(String token, String key) {
    if (token == null || token.isBlank()) {
      throw new TargetsException("the NebulaGC server's tokens are needed to create the nodes of the load: give them with -D"
          + key + "=… (missing)");
    }
    if (token.length() < MIN_LENGTH) {
      throw new TargetsException("'" + key + "' must be a token of at least " + MIN_LENGTH + " characters, as the server's are; got "
          + token.length() + " (" + masked(token) + ")");
    }
    return token;
  }

  private static String generate() {
    byte[] bytes = new byte[36];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
