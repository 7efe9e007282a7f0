package loadsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.Handlers;
import io.undertow.util.StatusCodes;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.standin.StandIn;
import loadsuite.standin.StandInServer;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;
import loadsuite.sut.BalancerTest;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;
import org.junit.jupiter.api.Test;

/** The modes, on systems of one service and of two, with a small stand-in of this test's own. */
class SystemsUnderTestTest {
  private static final Workload WORKLOAD = new Workload("demo.sustained", 1, Duration.ZERO,
      new Shape.Sustained(new Rate(1), Duration.ofSeconds(1)), 1, null);

  /** A stand-in that answers its health route, and records that it was stopped. */
  private static final class HealthStandIn implements StandIn {
    private final StandInServer server = StandInServer.start("127.0.0.1", 0,
        Handlers.routing().get("/health", exchange -> exchange.setStatusCode(StatusCodes.OK)), builder -> builder);
    private boolean closed;

    @Override
    public String baseUrl() {
      return server.baseUrl();
    }

    @Override
    public String description() {
      return "demo stand-in at " + baseUrl();
    }

    @Override
    public void close() {
      closed = true;
      server.close();
    }
  }

  private final List<HealthStandIn> started = new ArrayList<>();

  private Service service(String name) {
    return new Service(name, "/health", HealthStandIn.class, (host, port, workload) -> {
      HealthStandIn standIn = new HealthStandIn();
      started.add(standIn);
      return standIn;
    }, Service.LocalImage.STAND_IN);
  }

  private SystemSpec oneService() {
    return SystemSpec.named("demo").service(service("demo")).build();
  }

  private SystemSpec twoServices() {
    return SystemSpec.named("pair").service(service("source")).service(service("destination")).build();
  }

  private static Section sut(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Targets.load(Path.of("targets.conf"), properties).sut();
  }

  private static String closedPortUrl() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void embeddedIsTheDefaultAndListensOnLoopback() {
    try (RunningSystem system = SystemsUnderTest.start(sut(), oneService(), WORKLOAD)) {
      assertThat(system.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(system.description()).startsWith("embedded demo stand-in at http://127.0.0.1:");
      assertThat(system.mode()).isEqualTo("embedded");
    }
    assertThat(started).singleElement().satisfies(s -> assertThat(s.closed).isTrue());
  }

  @Test
  void everyServiceOfASystemHasItsOwnBaseUrlAndAllAreStopped() {
    try (RunningSystem system = SystemsUnderTest.start(sut(), twoServices(), WORKLOAD)) {
      assertThat(system.baseUrls()).containsOnlyKeys("source", "destination");
      assertThat(system.baseUrl("source")).isNotEqualTo(system.baseUrl("destination"));
      assertThat(system.baseUrl()).isEqualTo(system.baseUrl("source"));
    }
    assertThat(started).hasSize(2).allSatisfy(s -> assertThat(s.closed).isTrue());
  }

  @Test
  void aServiceGivenAUrlRunsWhereItIsBesideTheStandInsOfTheOthers() {
    try (HealthStandIn running = new HealthStandIn();
        RunningSystem system = SystemsUnderTest.start(sut("sut.urls.destination", running.baseUrl()), twoServices(), WORKLOAD)) {
      assertThat(system.baseUrl("destination")).isEqualTo(running.baseUrl());
      assertThat(system.mode()).isEqualTo("mixed");
      assertThat(system.mode("source")).isEqualTo("embedded");
      assertThat(system.mode("destination")).isEqualTo("external");
      assertThat(system.description()).contains("embedded demo stand-in at", "external pair destination at " + running.baseUrl());
      assertThat(started).hasSize(1);
    }
  }

  @Test
  void whenALaterServiceCannotBeReachedTheStartedOnesAreStopped() throws Exception {
    String closed = closedPortUrl();
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.urls.destination", closed), twoServices(), WORKLOAD))
        .isInstanceOf(SutUnavailableException.class)
        .hasMessageContaining("the pair destination at " + closed + " does not answer")
        .hasMessageContaining("-Dsut.urls.destination");
    assertThat(started).singleElement().satisfies(s -> assertThat(s.closed).isTrue());
  }

  @Test
  void externalChecksThatTheSystemAnswers() {
    try (HealthStandIn running = new HealthStandIn();
        RunningSystem system = SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", running.baseUrl() + "/"),
            oneService(), WORKLOAD)) {
      assertThat(system.baseUrl()).isEqualTo(running.baseUrl());
      assertThat(system.description()).isEqualTo("external demo at " + running.baseUrl());
      assertThat(started).isEmpty();
    }
  }

  @Test
  void externalModeOfSeveralServicesNeedsEachOnesUrl() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.urls.source", "http://127.0.0.1:1"),
        twoServices(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("add -Dsut.urls.destination=http://host:port");
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", "http://127.0.0.1:1"), twoServices(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("-Dsut.urls.<service>");
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.urls.mirror", "http://127.0.0.1:1"), twoServices(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("the pair system has no service 'mirror'");
    assertThat(started).isEmpty();
  }

  @Test
  void anUnreachableExternalSystemStopsTheRunWithTheFix() throws Exception {
    String url = closedPortUrl();
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", url), oneService(), WORKLOAD))
        .isInstanceOf(SutUnavailableException.class)
        .hasMessageContaining("the demo at " + url + " does not answer")
        .hasMessageContaining("-Dsut.url")
        .hasMessageContaining("No load was sent");
  }

  @Test
  void externalNeedsAUrl() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external"), oneService(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("-Dsut.url=http://host:port");
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", "localhost:3000"), oneService(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("an http:// or https:// URL");
  }

  @Test
  void aMistakeInTheContainerBlockStopsEveryModeNotOnlyContainerMode() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.container.images", "remote"), oneService(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'sut.container.images' must be public or local");
    assertThat(started).isEmpty();
  }

  @Test
  void credentialsAreObjectsOfStringsPerSystem() {
    try (RunningSystem system = SystemsUnderTest.start(sut("sut.credentials.demo.token", "t0ken"), oneService(), WORKLOAD)) {
      assertThat(system.mode()).isEqualTo("embedded");
    }
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.credentials.demo", "t0ken"), oneService(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'sut.credentials.demo' must be an object");
  }

  private static final Workload SCALING = new Workload("demo.scaling", 1, Duration.ZERO, new Shape.Scaling(List.of(1, 2),
      new Rate(1), new Rate(2), Duration.ofSeconds(2), 2, new Percent(90), 1), 1, null);

  @Test
  void aScalingWorkloadGetsItsMostInstancesBehindHaproxyWithAFrontendPerCount() {
    BalancerTest.requireHaproxy();
    try (RunningSystem system = SystemsUnderTest.start(sut(), oneService(), SCALING)) {
      assertThat(system.baseUrls()).containsOnlyKeys("demo", "demo on 1 instance", "demo on 2 instances");
      assertThat(system.baseUrl()).isEqualTo(system.baseUrls().get("demo on 1 instance"));
      assertThat(system.description()).matches("embedded demo stand-in at http://127.0.0.1:\\d+, embedded demo stand-in at"
          + " http://127.0.0.1:\\d+, behind HAProxy \\(pid \\d+\\) balancing round robin over them");
      assertThat(system.mode()).isEqualTo("embedded");
    }
    assertThat(started).hasSize(2).allSatisfy(s -> assertThat(s.closed).isTrue());
  }

  @Test
  void externalScalingNeedsTheUrlsOfItsMostInstancesAndStartsNothingWithout() {
    BalancerTest.requireHaproxy();
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.instance-urls", "http://127.0.0.1:1"), oneService(),
        SCALING))
        .isInstanceOf(TargetsException.class).hasMessageContaining("sut.instance-urls: demo.scaling needs the base URLs of 2 running"
            + " instances (its most), got 1");
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.instance-urls", "http://127.0.0.1:1"), oneService(),
        WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("-Dsut.url=http://host:port");
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.instance-urls", "localhost:1"), oneService(), SCALING))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'sut.instance-urls' must be an http:// or https:// URL");
    assertThat(started).isEmpty();
  }

  @Test
  void anUnknownKeyInTheSutBlockIsRejected() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.urll", "http://127.0.0.1:1"), oneService(), WORKLOAD))
        .isInstanceOf(TargetsException.class).hasMessageContaining("unknown key 'sut.urll'");
  }
}
