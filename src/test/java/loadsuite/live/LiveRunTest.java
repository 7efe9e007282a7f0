package loadsuite.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.load.PacedConnections;
import loadsuite.suite.Suite;
import loadsuite.system.SystemCatalog;
import org.junit.jupiter.api.Test;

/** The endpoint of a run's live metrics: served from the start, stopped at the end with its threads, refused on a port in use. */
class LiveRunTest {
  private static final List<String> THREADS = List.of("live-metrics", "live-log", "live-judge");

  @Test
  void theEndpointServesTheFiguresAndStopsWithItsThreadsAtTheEnd() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    LiveRun run = LiveRun.start(new MetricsSettings(port, "127.0.0.1", Duration.ZERO), List.of(new StopCriterion("failed", 5,
        Duration.ofSeconds(60))), LiveRunTest::figures, Optional::empty, stop -> { }).orElseThrow();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(5)).build();
    assertThat(client.send(scrape, HttpResponse.BodyHandlers.ofString()).body())
        .contains("loadsuite_iterations_total{injector=\"1/1\",run=\"r1\",simulation=\"loadsuite.Example\",system=\"runtime\"} 0.0");

    run.close();
    assertThatThrownBy(() -> client.send(scrape, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    Thread.sleep(200);
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).as("no thread of the run left").noneMatch(THREADS::contains);
  }

  @Test
  void aPortInUseStopsTheRunBeforeAnyLoadWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MetricsSettings settings = new MetricsSettings(taken.getLocalPort(), "127.0.0.1", Duration.ZERO);
      assertThatThrownBy(() -> LiveRun.start(settings, List.of(), LiveRunTest::figures, Optional::empty, stop -> { }))
          .isInstanceOf(TargetsException.class)
          .hasMessageStartingWith("the live metrics cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageEndingWith("choose a free port with -Dmetrics.port=<port>, or 0 for none")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void withoutMetricsOrCriteriaNothingIsWatchedNorMade() {
    assertThat(LiveRun.start(new MetricsSettings(0, "127.0.0.1", Duration.ZERO), List.of(), () -> {
      throw new AssertionError("no figures are made");
    }, Optional::empty, stop -> { })).isEmpty();
  }

  /** The figures of a run of the runtime's sustained workload at smoke, labelled run r1 of loadsuite.Example. */
  static LiveFigures figures() {
    Targets targets = Targets.load(Path.of("targets.conf"), new Properties());
    PacedConnections connections = new PacedConnections(Suite.plan(targets, SystemCatalog.named("runtime"), "sustained").workload());
    return new LiveFigures(new LiveFigures.RunLabels("r1", "loadsuite.Example", "runtime", "1/1"), connections, () -> 0);
  }
}
