package loadsuite.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.config.Section;

/**
 * One criterion of a workload's {@code stop-when { failed = 5% for 60s, p99 = 1s for 120s,
 * generator-cpu = 90% for 60s }}: a figure of the last {@code window} of the measured run that,
 * when past its threshold, ends the run. The bounds read as the goals' do: at most {@code failed}
 * and {@code generator-cpu}, strictly below the response times.
 */
public record StopCriterion(String key, double threshold, Duration window) {
  /** The response time keys, with the percentile each is (max: 100). */
  private static final List<String> TIMES = List.of("p50", "p75", "p95", "p99", "max");
  private static final List<String> SHARES = List.of("failed", "generator-cpu");
  private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(%|ms|s|m)\\s+for\\s+(\\d+)\\s*(s|m|h)\\s*");

  /** Reads every criterion of {@code stop-when}; a wrong key, unit or form stops the run before any load. */
  public static List<StopCriterion> readAll(Section stopWhen) {
    List<StopCriterion> all = new ArrayList<>();
    for (String key : stopWhen.keys()) {
      boolean share = SHARES.contains(key);
      if (!share && !TIMES.contains(key)) {
        stopWhen.has(key);
        throw stopWhen.error(key, "one of the stop criteria " + String.join(", ", SHARES) + ", " + String.join(", ", TIMES)
            + " (unknown stop criterion '" + key + "')");
      }
      String expected = (share ? "a percentage" : "a response time") + " and the window it must hold over, such as "
          + (share ? "5% for 60s" : "1s for 120s");
      Matcher m = FORM.matcher(stopWhen.string(key));
      if (!m.matches() || share != m.group(2).equals("%")) {
        throw stopWhen.error(key, expected);
      }
      double value = Double.parseDouble(m.group(1));
      double threshold = share ? value : switch (m.group(2)) {
        case "ms" -> value;
        case "s" -> value * 1000;
        default -> value * 60_000;
      };
      Duration window = Duration.ofSeconds(Long.parseLong(m.group(3)) * switch (m.group(4)) {
        case "s" -> 1;
        case "m" -> 60;
        default -> 3600;
      });
      if (share && value > 100 || window.isZero()) {
        throw stopWhen.error(key, expected + " (at most 100%, a window of 1s or more)");
      }
      all.add(new StopCriterion(key, threshold, window));
    }
    return all;
  }

  /** The figure this criterion judges, over the seconds of its window; NaN when they hold no response to judge. */
  double figure(List<LiveFigures.Second> seconds) {
    if (key.equals("generator-cpu")) {
      return seconds.stream().mapToDouble(LiveFigures.Second::cpu).average().orElse(Double.NaN) * 100;
    }
    long requests = seconds.stream().mapToLong(LiveFigures.Second::requests).sum();
    if (requests == 0) {
      return Double.NaN;
    }
    if (key.equals("failed")) {
      return 100.0 * seconds.stream().mapToLong(LiveFigures.Second::failed).sum() / requests;
    }
    org.HdrHistogram.Histogram merged = new org.HdrHistogram.Histogram(3);
    seconds.forEach(s -> merged.add(s.responseTimes()));
    return key.equals("max") ? merged.getMaxValue() : merged.getValueAtPercentile(Double.parseDouble(key.substring(1)));
  }

  /** Whether {@code figure} is past the threshold: above it for a share, at or above it for a time (goals are strictly below). */
  boolean broken(double figure) {
    return !Double.isNaN(figure) && (isShare() ? figure > threshold : figure >= threshold);
  }

  /** The criterion as written: {@code failed = 5% for 60s}. */
  @Override
  public String toString() {
    return key + " = " + number(threshold) + (isShare() ? "%" : "ms") + " for " + window.toSeconds() + "s";
  }

  /** The figure in the criterion's unit: {@code 12.5%}, {@code 1034ms}. */
  String describe(double figure) {
    return number(figure) + (isShare() ? "%" : "ms");
  }

  private boolean isShare() {
    return SHARES.contains(key);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
  }
}
