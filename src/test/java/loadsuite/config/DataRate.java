package loadsuite.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes per second, written in targets.conf with its unit: {@code 125MB/s} (kB, MB, GB are powers
 * of 1000) or {@code 78.4MiB/s} (KiB, MiB, GiB of 1024); figures are reported in the unit written.
 */
public record DataRate(double bytesPerSecond, String unit) {
  private static final Map<String, Double> UNITS = Map.of(
      "B", 1.0, "kB", 1e3, "KB", 1e3, "MB", 1e6, "GB", 1e9,
      "KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024);
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]+)\\s*/\\s*s\\s*");

  /** Parses {@code 125MB/s}; null when the text is not of that form or not above zero. */
  public static DataRate parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches() || !UNITS.containsKey(m.group(2))) {
      return null;
    }
    double value = Double.parseDouble(m.group(1));
    return value > 0 ? new DataRate(value * UNITS.get(m.group(2)), m.group(2)) : null;
  }

  /** {@code bytesPerSecond} in this rate's unit, as a person reads it: "130.2 MB/s". */
  public String format(double bytesPerSecond) {
    return String.format(Locale.ROOT, "%.1f %s/s", bytesPerSecond / UNITS.get(unit), unit);
  }

  @Override
  public String toString() {
    double value = bytesPerSecond / UNITS.get(unit);
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + unit + "/s";
  }
}
