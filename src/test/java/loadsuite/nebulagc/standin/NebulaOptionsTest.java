package loadsuite.nebulagc.standin;

import static loadsuite.nebulagc.standin.NebulaTestClient.ADMIN_TOKEN;
import static loadsuite.nebulagc.standin.NebulaTestClient.CLUSTER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options: the tokens' rules, the environment variables of {@code main}, and its exit status 64. */
class NebulaOptionsTest {
  private static final Map<String, String> ENVIRONMENT = Map.of("NEBULAGC_ADMIN_TOKEN", ADMIN_TOKEN, "NEBULAGC_CLUSTER_TOKEN", CLUSTER_TOKEN);

  @Test
  void tokensShorterThan41CharactersAreRefused() {
    assertThatThrownBy(() -> NebulaStandIn.Options.defaults("a".repeat(40), CLUSTER_TOKEN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin node token").hasMessageContaining("41");
    assertThatThrownBy(() -> NebulaStandIn.Options.defaults(ADMIN_TOKEN, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cluster token");
    assertThat(NebulaStandIn.Options.defaults("a".repeat(41), CLUSTER_TOKEN).adminToken()).hasSize(41);
  }

  @Test
  void environmentGivesTheDefaultsAndTheChosenValues() {
    NebulaStandIn.Options defaults = NebulaStandIn.Options.fromEnvironment(ENVIRONMENT);
    assertThat(defaults).isEqualTo(NebulaStandIn.Options.defaults(ADMIN_TOKEN, CLUSTER_TOKEN));

    Map<String, String> chosen = new HashMap<>(ENVIRONMENT);
    chosen.put("NEBULAGC_DB", "/tmp/nebula.db");
    chosen.put("NEBULAGC_RATE_LIMITS", "off");
    chosen.put("NEBULAGC_SEED_NODES", "1000");
    chosen.put("NEBULAGC_SECRET", "s".repeat(32));
    NebulaStandIn.Options options = NebulaStandIn.Options.fromEnvironment(chosen);
    assertThat(options.database()).isEqualTo(Path.of("/tmp/nebula.db"));
    assertThat(options.rateLimits().enabled()).isFalse();
    assertThat(options.seedNodes()).isEqualTo(1000);
    assertThat(options.secret()).isEqualTo("s".repeat(32));
  }

  @Test
  void badOrMissingVariablesAreNamed() {
    assertBad(Map.of("NEBULAGC_CLUSTER_TOKEN", CLUSTER_TOKEN), "NEBULAGC_ADMIN_TOKEN");
    assertBad(with("NEBULAGC_CLUSTER_TOKEN", "short"), "NEBULAGC_CLUSTER_TOKEN");
    assertBad(with("NEBULAGC_RATE_LIMITS", "yes"), "NEBULAGC_RATE_LIMITS");
    assertBad(with("NEBULAGC_SEED_NODES", "-1"), "NEBULAGC_SEED_NODES");
    assertBad(with("NEBULAGC_SEED_NODES", "many"), "NEBULAGC_SEED_NODES");
    assertBad(with("NEBULAGC_SECRET", "too short"), "NEBULAGC_SECRET");
    assertBad(with("NEBULAGC_DB", "/no/such/folder/nebula.db"), "NEBULAGC_DB");
    assertBad(with("NEBULAGC_DB", "nul\0byte.db"), "NEBULAGC_DB");
  }

  @Test
  void mainExitsWith64WhenATokenIsMissing(@TempDir Path directory) throws Exception {
    Path errors = directory.resolve("stderr.txt");
    ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), NebulaStandIn.class.getName())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(errors.toFile());
    java.environment().remove("NEBULAGC_ADMIN_TOKEN");
    java.environment().put("NEBULAGC_CLUSTER_TOKEN", CLUSTER_TOKEN);
    Process process = java.start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("main ends by itself").isTrue();
      assertThat(process.exitValue()).isEqualTo(64);
      assertThat(Files.readString(errors, StandardCharsets.UTF_8)).contains("NEBULAGC_ADMIN_TOKEN");
    } finally {
      process.destroyForcibly();
    }
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> environment = new HashMap<>(ENVIRONMENT);
    environment.put(name, value);
    return environment;
  }

  private static void assertBad(Map<String, String> environment, String named) {
    assertThatThrownBy(() -> NebulaStandIn.Options.fromEnvironment(environment))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
  }
}
