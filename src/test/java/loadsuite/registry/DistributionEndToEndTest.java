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
  private static final Duration STARTUP = Duration.ofSeconds(30);

  @TempDir static Path dir;
  private static Process registry;
  private static String url;

  @BeforeAll
  static void startDistribution() throws Exception {
    String program = DebianTool.DISTRIBUTION.require();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    url = "http://127.0.0.1:" + port;
    Path config = Files.writeString(dir.resolve("config.yml"), String.join("\n",
        "version: 0.1",
        "log:",
        "  level: warn",
        "  accesslog:",
        "    disabled: true",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + dir.resolve("storage"),
        "  delete:",
        "    enabled: true",
        "http:",
        "  addr: 127.0.0.1:" + port,
        ""));
    registry = new ProcessBuilder(program, "serve", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    awaitBaseRoute();
  }

  @AfterAll
  static void stopDistribution() throws InterruptedException {
    if (registry != null) {
      registry.destroy();
      if (!registry.waitFor(10, TimeUnit.SECONDS)) {
        registry.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static java.util.stream.Stream<Class<?>> simulations() {
    return RegistrySystem.SPEC.simulations().stream().map(c -> c);
  }

  @ParameterizedTest
  @MethodSource("simulations")
  void passesItsSmokeGoalsWithoutAFailedRequest(Class<?> simulation) throws Exception {
    GatlingRun.Result run = GatlingRun.run(simulation,
        Map.of("profile", "smoke", "sut.mode", "external", "sut.url", url), TIMEOUT_SECONDS);
    run.assertMetEveryGoal("external registry at " + url, "registry.");
    assertThat(run.output()).containsPattern("all requests +\\d+ +0\\.00% ");
  }

  /** Waits, bounded, until {@code GET /v2/} answers 200. */
  private static void awaitBaseRoute() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest base = HttpRequest.newBuilder(URI.create(url + "/v2/")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline && registry.isAlive()) {
      try {
        if (http.send(base, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Distribution did not answer GET " + url + "/v2/ with 200 within " + STARTUP.toSeconds()
        + " s; its log:\n" + Files.readString(dir.resolve("registry.log")));
  }
}
