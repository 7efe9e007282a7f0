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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import loadsuite.suite.DebianTool;
import loadsuite.log.LogRecord;
import loadsuite.log.SimulationLog;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's live metrics scraped by a real Prometheus (Debian's package, started here on loopback
 * with a scrape configuration for the run), and stopped by a stop criterion that cannot hold: it
 * ends within the criterion's window plus 5 s, says so, fails the build, and at the end the
 * request and failed counts Prometheus holds are the run's own.
 */
class LiveMetricsEndToEndTest {
  private static final long TIMEOUT_SECONDS = 180;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir Path temp;

  @Test
  void aRunStoppedByItsCriterionEndsWithinItsWindowAndPrometheusHoldsItsOwnCounts() throws Exception {
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
          "runtime.sustained.rate", "400/s", "runtime.sustained.duration", "60s", "runtime.sustained.stop-when.failed", "0% for 2s",
          "metrics.port", String.valueOf(metricsPort), "metrics.linger", "3s"), TIMEOUT_SECONDS);
      assertThat(run.output()).contains("live metrics: http://127.0.0.1:" + metricsPort + "/metrics", "stop when: failed = 0% for 2s")
          .containsPattern("Run stopped by stop-when failed = 0% for 2s: \\d+(\\.\\d)?% over the last 2 s, at ");
      assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
      Path folder = GatlingRun.runFolder(run.output());
      RunSummary summary = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
      assertThat(summary.status()).isEqualTo(RunSummary.INCOMPLETE);
      assertThat(summary.reason()).startsWith("stopped by stop-when failed = 0% for 2s");
      assertThat(summary.global().failed()).as(run.output()).isPositive();
      assertThat(measuredMillis(folder.resolve("simulation.log"))).as("the measured window of a run planned for 60 s")
          .isLessThanOrEqualTo(TimeUnit.SECONDS.toMillis(2 + 5));

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

  /** From the first response's start to the last one's end. */
  private static long measuredMillis(Path log) {
    long first = Long.MAX_VALUE;
    long last = 0;
    try (SimulationLog opened = SimulationLog.open(log)) {
      for (LogRecord r = opened.next(); r != null; r = opened.next()) {
        if (r instanceof LogRecord.Response response) {
          first = Math.min(first, response.start());
          last = Math.max(last, response.end());
        }
      }
    }
    return last - first;
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
