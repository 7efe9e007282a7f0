package loadsuite.sut;

import java.net.URI;
import java.time.Duration;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;
import loadsuite.container.ContainerSettings;
import loadsuite.container.ContainerSystem;

/** The one place that turns the {@code sut} settings into a running system under test. */
public final class SystemsUnderTest {
  private SystemsUnderTest() {}

  /**
   * @param system the system's name in targets.conf, such as {@code runtime}
   * @param healthPath the route that answers when the system is up, such as {@code /health}
   * @param standIn how to start the embedded stand-in
   */
  public static SystemUnderTest start(Section sut, String system, String healthPath, StandIn standIn) {
    String modeText = sut.string("mode");
    SutMode mode = SutMode.parse(modeText);
    if (mode == null) {
      throw sut.error("mode", "one of " + SutMode.names() + " (-Dsut.mode=…)");
    }
    String url = sut.string("url");
    Duration timeout = sut.duration("connect-timeout");
    ContainerSettings containers = ContainerSettings.read(sut.section("container"));
    sut.rejectUnknownKeys();
    return switch (mode) {
      case EMBEDDED -> standIn.start("127.0.0.1", 0);
      case EXTERNAL -> ExternalSystem.check(checkUrl(sut, url), system, healthPath, timeout);
      case CONTAINER -> ContainerSystem.start(containers, system, healthPath);
    };
  }

  private static String checkUrl(Section sut, String url) {
    if (url.isBlank()) {
      throw new TargetsException("sut.mode=external needs the system's address: add -Dsut.url=http://host:port");
    }
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw sut.error("url", "an http:// or https:// URL with a host, such as http://127.0.0.1:3000");
      }
    } catch (IllegalArgumentException e) {
      throw sut.error("url", "an http:// or https:// URL with a host, such as http://127.0.0.1:3000");
    }
    return url;
  }
}
