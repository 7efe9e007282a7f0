package loadsuite.nebulagc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import loadsuite.config.TargetsException;
import loadsuite.nebulagc.standin.NebulaStandIn;
import loadsuite.sut.RunningSystem;
import loadsuite.suite.Secrets;

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
 * A token is never printed in full: {@link Secrets#masked} shows its first 4 characters.
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
    return "admin token " + Secrets.masked(adminToken) + ", cluster token " + Secrets.masked(clusterToken) + " (" + origin + ")";
  }

  private static NebulaCredentials fromContainerEnvironment() {
    String container = NebulaSystem.SPEC.containerKey(NebulaSystem.SPEC.primary());
    String where = "sut.container." + container + ".env.";
    return new NebulaCredentials(required(Secrets.containerEnv(container, ADMIN_ENV), where + ADMIN_ENV),
        required(Secrets.containerEnv(container, CLUSTER_ENV), where + CLUSTER_ENV), "the container's environment in targets.conf");
  }

  private static NebulaCredentials fromOptions() {
    String where = "sut.credentials." + NebulaSystem.NAME + ".";
    return new NebulaCredentials(required(Secrets.option(NebulaSystem.NAME, "admin-token"), where + "admin-token"),
        required(Secrets.option(NebulaSystem.NAME, "cluster-token"), where + "cluster-token"), "-D" + where + "admin-token and cluster-token");
  }

  private static String required(Optional<String> given, String key) {
    String token = given.orElse(null);
    if (token == null) {
      throw new TargetsException("the NebulaGC server's tokens are needed to create the nodes of the load: give them with -D"
          + key + "=… (missing)");
    }
    if (token.length() < MIN_LENGTH) {
      throw new TargetsException("'" + key + "' must be a token of at least " + MIN_LENGTH + " characters, as the server's are; got "
          + token.length() + " (" + Secrets.masked(token) + ")");
    }
    return token;
  }

  private static String generate() {
    byte[] bytes = new byte[36];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
