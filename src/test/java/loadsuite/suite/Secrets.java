package loadsuite.suite;

import java.util.Optional;
import loadsuite.config.Section;
import loadsuite.container.ContainerSettings;

/**
 * The secrets a system's load needs (tokens, API keys) where the operator gives them: for external
 * mode {@code -Dsut.credentials.<system>.<key>=…}, for container mode the container's environment in
 * targets.conf. A secret is never printed in full ({@link #masked}).
 */
public final class Secrets {
  private Secrets() {}

  /** {@code sut.credentials.<system>.<key>}, when given and not blank. */
  public static Optional<String> option(String system, String key) {
    Section sut = Suite.targets().sut();
    if (!sut.has("credentials") || !sut.section("credentials").keys().contains(system)) {
      return Optional.empty();
    }
    Section credentials = sut.section("credentials").section(system);
    return credentials.has(key) ? Optional.of(credentials.string(key)).filter(value -> !value.isBlank()) : Optional.empty();
  }

  /** The variable {@code name} of the environment targets.conf gives the container of {@code containerKey}, when not blank. */
  public static Optional<String> containerEnv(String containerKey, String name) {
    ContainerSettings settings = ContainerSettings.read(Suite.targets().sut().section("container"));
    return Optional.ofNullable(settings.service(containerKey).env(0).get(name)).filter(value -> !value.isBlank());
  }

  /** The first 4 characters and an ellipsis. */
  public static String masked(String secret) {
    return secret.substring(0, Math.min(4, secret.length())) + "…";
  }
}
