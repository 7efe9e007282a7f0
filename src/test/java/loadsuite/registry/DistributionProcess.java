package loadsuite.registry;

import loadsuite.suite.DebianTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import loadsuite.http.HttpClients;
import java.util.concurrent.TimeUnit;

/**
 * CNCF Distribution (Debian's {@code docker-registry}) started by a test on a free loopback port,
 * its storage in {@code dir}; ready when {@code GET /v2/} answers 200. Skips the test (fails it on
 * CI) when the package is missing.
 */
public final class DistributionProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Process process;
  private final String url;
  private final Path log;

  private DistributionProcess(Process process, String url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  public static DistributionProcess start(Path dir) throws Exception {
    String program = DebianTool.DISTRIBUTION.require();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(dir);
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
    Path log = dir.resolve("registry.log");
    Process process = new ProcessBuilder(program, "serve", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    DistributionProcess registry = new DistributionProcess(process, "http://127.0.0.1:" + port, log);
    try {
      registry.awaitBaseRoute();
    } catch (Exception | AssertionError e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  public String url() {
    return url;
  }

  /** Waits, bounded, until {@code GET /v2/} answers 200. */
  private void awaitBaseRoute() throws Exception {
    HttpClient http = HttpClients.http11(Duration.ofSeconds(1)).build();
    HttpRequest base = HttpRequest.newBuilder(URI.create(url + "/v2/")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
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
        + " s; its log:\n" + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
