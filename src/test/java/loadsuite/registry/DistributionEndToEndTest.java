package loadsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registry simulation at the smoke profile against the real CNCF Distribution (Debian's
 * {@code docker-registry}) in external mode: the requests must suit a registry that departs
 * from the spec where the stand-in does not (absolute Locations with {@code ?_state=}, manifests
 * only with Accept). Distribution runs on loopback with its storage in a temporary folder.
 */
class DistributionEndToEndTest {
  private static final long TIMEOUT_SECONDS = 180;

  @TempDir static Path dir;
  private static DistributionProcess registry;
  private static String url;

  @BeforeAll
  static void startDistribution() throws Exception {
    registry = DistributionProcess.start(dir);
    url = registry.url();
  }

  @AfterAll
  static void stopDistribution() throws InterruptedException {
    if (registry != null) {
      registry.close();
    }
  }

  static java.util.stream.Stream<? extends Class<?>> simulations() {
    return RegistrySystem.SPEC.simulations().stream();
  }

  /** Two runs at a time (src/test/resources/junit-platform.properties), each into repositories of its own. */
  @ParameterizedTest
  @MethodSource("simulations")
  @Execution(ExecutionMode.CONCURRENT)
  void passesItsSmokeGoalsWithoutAFailedRequest(Class<?> simulation) throws Exception {
    GatlingRun.Result run = GatlingRun.run(simulation,
        Map.of("profile", "smoke", "sut.mode", "external", "sut.url", url), TIMEOUT_SECONDS);
    run.assertMetEveryGoal("external registry at " + url, "registry.");
    assertThat(run.output()).containsPattern("all requests +\\d+ +0\\.00% ");
  }
}
