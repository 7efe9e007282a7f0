package loadsuite.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import loadsuite.results.Html.Row;

/** A simulation's key figures across its stored runs: one chart per figure and the runs as a table. */
final class Trend {
  private record Figure(String name, Function<RunSummary, Double> value, DoubleFunction<String> format) {
    String cell(RunSummary run) {
      Double v = value.apply(run);
      return v == null ? "–" : Html.text(format.apply(v));
    }
  }

  private static final Figure P95 = new Figure("global p95", global(RunSummary.RequestStats::p95), Html::ms);
  private static final Figure P99 = new Figure("global p99", global(RunSummary.RequestStats::p99), Html::ms);
  private static final Figure RATE = new Figure("achieved rate", s -> s.achieved() == null ? null : s.achieved().perSecond(), Html::rate);
  private static final Figure FAILED = new Figure("failed", global(RunSummary.RequestStats::failedPercent), Html::percent);
  private static final Figure LAG_P99 = new Figure("schedule lag p99", schedule(s -> s.lag().p99()), Html::ms);
  private static final Figure INTENDED_P99 = new Figure("p99 from the intended send time", schedule(s -> s.global().p99()), Html::ms);
  private static final List<Figure> FIGURES = List.of(P95, P99, RATE, FAILED, LAG_P99, INTENDED_P99);

  private Trend() {}

  /** {@code runs} oldest first, as {@link History#of} gives them. */
  static String html(List<RunSummary> runs) {
    if (runs.isEmpty()) {
      return "<p class=\"trend-none\">No stored runs yet: the trend starts with the next recorded run.</p>";
    }
    List<String> starts = runs.stream().map(r -> Html.time(Instant.parse(r.start()))).toList();
    String charts = FIGURES.stream()
        .map(f -> "<figure><figcaption>%s</figcaption>%s</figure>".formatted(
            Html.text(f.name()), TrendChart.svg(f.name(), runs.stream().map(f.value()).toList(), starts, f.format())))
        .collect(Collectors.joining("\n"));
    List<Row> rows = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0; i--) {
      RunSummary r = runs.get(i);
      List<String> cells = new ArrayList<>(List.of(Html.text(starts.get(i)), Html.badge(r.status())));
      FIGURES.forEach(f -> cells.add(f.cell(r)));
      rows.add(new Row("", cells));
    }
    return """
        <div class="charts">
        %s
        </div>
        <details class="runs">
        <summary>%d stored runs, newest first</summary>
        %s
        </details>""".formatted(charts, runs.size(),
        Html.table("runs", List.of("start", "status", "p95", "p99", "achieved rate", "failed", "lag p99", "intended p99"), rows));
  }

  private static Function<RunSummary, Double> schedule(Function<RunSummary.Schedule, Double> figure) {
    return s -> s.schedule() == null || s.schedule().lag().count() == 0 ? null : figure.apply(s.schedule());
  }

  private static Function<RunSummary, Double> global(Function<RunSummary.RequestStats, Number> figure) {
    return s -> s.global() == null ? null : figure.apply(s.global()).doubleValue();
  }
}
