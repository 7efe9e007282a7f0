package loadsuite.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.runtime.RuntimeStandIn;
import org.junit.jupiter.api.Test;

class SystemsUnderTestTest {
  private static Section sut(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Targets.load(Path.of("targets.conf"), properties).sut();
  }

  private static final StandIn NO_STAND_IN = (host, port) -> {
    throw new AssertionError("the stand-in must not start in this mode");
  };

  @Test
  void embeddedIsTheDefaultAndListensOnLoopback() {
    try (SystemUnderTest system = SystemsUnderTest.start(sut(), "runtime", "/health", RuntimeStandIn::start)) {
      assertThat(system.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(system.description()).startsWith("embedded runtime stand-in");
    }
  }

  @Test
  void externalChecksThatTheSystemAnswers() {
    try (RuntimeStandIn running = RuntimeStandIn.start("127.0.0.1", 0);
        SystemUnderTest system = SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", running.baseUrl() + "/"),
            "runtime", "/health", NO_STAND_IN)) {
      assertThat(system.baseUrl()).isEqualTo(running.baseUrl());
      assertThat(system.description()).isEqualTo("external runtime at " + running.baseUrl());
    }
  }

  @Test
  void anUnreachableExternalSystemStopsTheRunWithTheFix() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closedPort;
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", url), "runtime", "/health", NO_STAND_IN))
        .isInstanceOf(SutUnavailableException.class)
        .hasMessageContaining("the runtime at " + url + " does not answer")
        .hasMessageContaining("-Dsut.url")
        .hasMessageContaining("No load was sent");
  }

  @Test
  void externalNeedsAUrl() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external"), "runtime", "/health", NO_STAND_IN))
        .isInstanceOf(TargetsException.class).hasMessageContaining("-Dsut.url=http://host:port");
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.mode", "external", "sut.url", "localhost:3000"), "runtime", "/health", NO_STAND_IN))
        .isInstanceOf(TargetsException.class).hasMessageContaining("an http:// or https:// URL");
  }

  @Test
  void aMistakeInTheContainerBlockStopsEveryModeNotOnlyContainerMode() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.container.images", "remote"), "runtime", "/health", NO_STAND_IN))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'sut.container.images' must be public or local");
  }

  @Test
  void anUnknownKeyInTheSutBlockIsRejected() {
    assertThatThrownBy(() -> SystemsUnderTest.start(sut("sut.urll", "http://127.0.0.1:1"), "runtime", "/health", NO_STAND_IN))
        .isInstanceOf(TargetsException.class).hasMessageContaining("unknown key 'sut.urll'");
  }
}
