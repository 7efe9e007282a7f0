package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loadsuite.suite.DebianTool;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's live metrics scraped by a real Prometheus (Debian's package, started here on loopback
 * with a scrape configuration for the run): at the end, its request and failed counts are the run's own.
 */
class LiveMetricsEndToEndTest {
  private static final long TIMEOUT_SECONDS = 180;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path temp;

  @Test
  void prometheusScrapesTheRunsOwnCountsOfRequestsAndFailures() throws Exception {
    String prometheus = DebianTool.PROMETHEUS.require();
    int metricsPort = freePort();
    int prometheusPort = freePort();
    Path config = temp.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: loadsuite
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """.formatted(metricsPort));
    Process server = new ProcessBuilder(prometheus, "--config.file=" + config, "--storage.tsdb.path=" + temp.resolve("data"),
        "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true).redirectOutput(temp.resolve("prometheus.log").toFile()).start();
    // every 4th request fails: the counts to find are both above zero
    try (HoldingRuntime runtime = new HoldingRuntime((n, now) -> 0, n -> n % 4 == 0)) {
      awaitReady(prometheusPort, server);
      GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of("sut.mode", "external", "sut.url", runtime.url(),
          "runtime.sustained.rate", "200/s", "metrics.port", String.valueOf(metricsPort), "metrics.linger", "3s"), TIMEOUT_SECONDS);
      assertThat(run.output()).contains("live metrics: http://127.0.0.1:" + metricsPort + "/metrics");
      RunSummary summary = SummaryFiles.read(GatlingRun.runFolder(run.output()).resolve(SummaryFiles.NAME));
      assertThat(summary.global().failed()).as(run.output()).isPositive();

      // the endpoint is gone by now, and Prometheus marked its series stale: their last values, then
      assertThat(query(prometheusPort, "sum(last_over_time(loadsuite_requests_total[10m]))")).isEqualTo(summary.global().count());
      assertThat(query(prometheusPort, "sum(last_over_time(loadsuite_requests_failed_total[10m]))")).isEqualTo(summary.global().failed());
      assertThat(query(prometheusPort, "count(count by (run, simulation, system, injector) (last_over_time(loadsuite_requests_total"
          + "{simulation=\"" + RuntimeSustainedSimulation.class.getName() + "\", system=\"runtime\", injector=\"1/1\"}[10m])))"))
          .as("one run, labelled").isEqualTo(1);
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitReady(int port, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && server.isAlive()) {
      try {
        if (CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Prometheus did not become ready on 127.0.0.1:" + port);
  }

  /** The value of an instant query that gives one number. */
  private static long query(int port, String promql) throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode result = new ObjectMapper().readTree(response.body()).path("data").path("result");
    assertThat(result.size()).as("one series for %s: %s", promql, response.body()).isEqualTo(1);
    return Math.round(Double.parseDouble(result.get(0).path("value").get(1).asText()));
  }
}
