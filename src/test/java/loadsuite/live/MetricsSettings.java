package loadsuite.live;

import java.time.Duration;
import loadsuite.config.Section;

/**
 * The {@code metrics} block of targets.conf: the port of the live metrics endpoint (0: none), the
 * address it listens on, and how long it stays up after the load for the last scrapes.
 */
public record MetricsSettings(int port, String host, Duration linger) {
  public static MetricsSettings read(Section section) {
    int port = section.nonNegativeInt("port");
    if (port > 65535) {
      throw section.error("port", "a TCP port from 1 to 65535, or 0 for no live metrics");
    }
    MetricsSettings settings = new MetricsSettings(port, section.string("host"), section.nonNegativeDuration("linger"));
    section.rejectUnknownKeys();
    return settings;
  }

  public boolean on() {
    return port > 0;
  }
}
