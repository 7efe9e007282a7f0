package loadsuite.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rate per second, written in targets.conf as {@code 1000/s} (or {@code 1.5/s}). */
public record Rate(double perSecond) {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*s\\s*");

  public Rate {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("a rate must be positive, got " + perSecond);
    }
  }

  /** Parses {@code 1000/s}; returns null when the text is not of that form. */
  static Rate parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return null;
    }
    double value = Double.parseDouble(m.group(1));
    return value > 0 ? new Rate(value) : null;
  }

  @Override
  public String toString() {
    return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
  }
}
