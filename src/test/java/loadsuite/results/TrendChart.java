package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * One figure across runs as an inline SVG line, oldest run on the left, its lowest and highest
 * values written level with the plot's bottom and top. A run without the figure (an incomplete
 * one) keeps its place on the x axis but has no point.
 */
final class TrendChart {
  // the plot area inside a 260 x 90 box; the labels take the left margin
  private static final double LEFT = 70;
  private static final double RIGHT = 250;
  private static final double TOP = 12;
  private static final double BOTTOM = 78;

  private TrendChart() {}

  /** {@code values} may hold nulls; {@code runs} names each run in its point's tooltip. */
  static String svg(String figure, List<Double> values, List<String> runs, DoubleFunction<String> format) {
    List<Double> present = values.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return """
          <svg class="trend" data-figure="%s" viewBox="0 0 260 90" width="260" height="90"><text x="70" y="48">not measured</text></svg>"""
          .formatted(Html.text(figure));
    }
    double min = present.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = present.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    List<String> points = new ArrayList<>();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      Double value = values.get(i);
      if (value != null) {
        String x = coordinate(x(i, values.size()));
        String y = coordinate(y(value, min, max));
        points.add(x + "," + y);
        dots.append("<circle cx=\"%s\" cy=\"%s\" r=\"3\"><title>%s: %s</title></circle>"
            .formatted(x, y, Html.text(runs.get(i)), Html.text(format.apply(value))));
      }
    }
    String top = coordinate(TOP);
    String bottom = coordinate(BOTTOM);
    return """
        <svg class="trend" data-figure="%s" viewBox="0 0 260 90" width="260" height="90">
        <line x1="%s" y1="%s" x2="%s" y2="%s"/><line x1="%s" y1="%s" x2="%s" y2="%s"/>
        <text class="max" x="2" y="%s">max %s</text>
        <text class="min" x="2" y="%s">min %s</text>
        <polyline points="%s"/>
        %s
        </svg>""".formatted(Html.text(figure),
        coordinate(LEFT), top, coordinate(RIGHT), top, coordinate(LEFT), bottom, coordinate(RIGHT), bottom,
        coordinate(TOP + 4), Html.text(format.apply(max)),
        coordinate(BOTTOM + 4), Html.text(format.apply(min)),
        String.join(" ", points), dots);
  }

  private static double x(int index, int count) {
    return count == 1 ? (LEFT + RIGHT) / 2 : LEFT + index * (RIGHT - LEFT) / (count - 1);
  }

  /** A figure that never changed is drawn across the middle. */
  private static double y(double value, double min, double max) {
    return max == min ? (TOP + BOTTOM) / 2 : BOTTOM - (value - min) / (max - min) * (BOTTOM - TOP);
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
