package loadsuite.results;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.unbescape.html.HtmlEscape;

/**
 * The small pieces of HTML the suite page is built from. Every text taken from a summary goes
 * through {@link #text}; unbescape comes with Gatling (through Pebble).
 */
final class Html {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Html() {}

  /** Escaped for element content and quoted attribute values alike. */
  static String text(Object value) {
    return value == null ? "" : HtmlEscape.escapeHtml4Xml(value.toString());
  }

  static String badge(String status) {
    return "<span class=\"badge %1$s\">%1$s</span>".formatted(text(status));
  }

  /** One row of already escaped cells; its class marks a row out (a missed goal, a regression). */
  record Row(String cssClass, List<String> cells) {
    Row(String... cells) {
      this("", List.of(cells));
    }
  }

  static String table(String cssClass, List<String> headers, List<Row> rows) {
    String head = headers.stream().map(h -> "<th>" + text(h) + "</th>").collect(Collectors.joining());
    String body = rows.stream()
        .map(r -> (r.cssClass().isEmpty() ? "<tr>" : "<tr class=\"" + r.cssClass() + "\">")
            + r.cells().stream().map(c -> "<td>" + c + "</td>").collect(Collectors.joining()) + "</tr>")
        .collect(Collectors.joining("\n"));
    return """
        <table class="%s">
        <thead><tr>%s</tr></thead>
        <tbody>
        %s
        </tbody>
        </table>""".formatted(cssClass, head, body);
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  static String ms(double value) {
    return String.format(Locale.ROOT, "%.0f ms", value);
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  static String percent(double value) {
    return String.format(Locale.ROOT, "%.2f %%", value);
  }

  /** Whole numbers without decimals, others with two. */
  static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
