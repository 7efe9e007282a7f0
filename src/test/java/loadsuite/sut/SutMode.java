package loadsuite.sut;

import java.util.Arrays;
import java.util.Locale;

/** Where the system under test comes from, chosen with {@code -Dsut.mode=}. */
public enum SutMode {
  /** An in-process stand-in on a free loopback port (the default). */
  EMBEDDED,
  /** A running system at {@code -Dsut.url=}, checked for reachability first. */
  EXTERNAL,
  /** The system's container image, started with Testcontainers. */
  CONTAINER;

  public static SutMode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String names() {
    return String.join(", ", Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList());
  }
}
