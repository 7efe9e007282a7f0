package loadsuite.config;

import java.time.Duration;

/** Durations as targets.conf writes them: 500ms, 15s, 5m, 4h, 1m30s. */
public final class DurationText {
  private DurationText() {}

  public static String of(Duration d) {
    if (d.toMillis() < 1000 || d.toMillisPart() != 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder b = new StringBuilder();
    if (d.toHours() > 0) {
      b.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      b.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      b.append(d.toSecondsPart()).append('s');
    }
    return b.toString();
  }
}
