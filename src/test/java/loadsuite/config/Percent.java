package loadsuite.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A percentage between 0 and 100, written in targets.conf as {@code 98%}. */
public record Percent(double value) {
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*");

  /** Parses {@code 98%}; returns null when the text is not of that form or above 100%. */
  static Percent parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return null;
    }
    double value = Double.parseDouble(m.group(1));
    return value <= 100 ? new Percent(value) : null;
  }

  public double fraction() {
    return value / 100;
  }

  @Override
  public String toString() {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
  }
}
