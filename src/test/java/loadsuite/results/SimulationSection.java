package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loadsuite.results.Html.Row;
import loadsuite.results.RunSummary.Comparison;
import loadsuite.results.RunSummary.GoalResult;
import loadsuite.results.RunSummary.RequestStats;

/** One simulation on the suite page: its last run's verdict, facts, goals, requests, baseline and trend. */
final class SimulationSection {
  private SimulationSection() {}

  /** The section's id, for links from the overview. */
  static String anchor(String simulation) {
    return "sim-" + simulation.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  static String simpleName(String simulation) {
    return simulation.substring(simulation.lastIndexOf('.') + 1);
  }

  /** {@code reportLink} is null when the run left no Gatling report; {@code history} oldest first. */
  static String html(StoredSummary last, String reportLink, List<RunSummary> history) {
    RunSummary run = last.summary();
    return """
        <section class="simulation" id="%s" data-simulation="%s" data-status="%s">
        <h2>%s %s</h2>
        %s
        <dl class="facts">
        %s
        </dl>
        <h3>Goals</h3>
        %s
        <h3>Requests</h3>
        %s
        %s
        <h3>Trend</h3>
        %s
        </section>""".formatted(
        anchor(run.simulation()), Html.text(run.simulation()), Html.text(run.status()),
        Html.badge(run.status()), Html.text(simpleName(run.simulation())),
        (RunSummary.INCOMPLETE.equals(run.status()) ? "<p class=\"reason\">Incomplete: %s</p>".formatted(Html.text(run.reason())) : "")
            + (run.generator() != null && run.generator().bound()
                ? "<p class=\"reason generator-bound\">%s</p>".formatted(Html.text(GeneratorResults.verdict(run.generator()))) : ""),
        facts(last, reportLink),
        goals(run.goals()) + held(run.held()),
        requests(run),
        baseline(run.baseline()),
        Trend.html(history));
  }

  private static String facts(StoredSummary last, String reportLink) {
    RunSummary run = last.summary();
    List<String> facts = new ArrayList<>(List.of(
        fact("simulation", Html.text(run.simulation())),
        fact("workload", Html.text(run.workload()) + " at profile <b>" + Html.text(run.profile()) + "</b>"),
        fact("system under test", run.sut() == null ? "" : Html.text(run.sut().description())),
        fact("started", Html.text(Html.time(last.start())) + String.format(Locale.ROOT, ", warm-up %s s, measured %s s",
            Html.number(run.warmUpSeconds()), Html.number(run.measuredSeconds()))),
        fact("rate", rates(run))));
    if (run.knee() != null) {
      facts.add(fact("knee", Html.text(run.knee())));
    }
    if (run.schedule() != null) {
      facts.add(fact("schedule", "<pre>" + Html.text(ScheduleResults.render(run.schedule()).strip()) + "</pre>"));
    }
    if (run.probes() != null && !run.probes().isEmpty()) {
      facts.add(fact("resources", Html.text(ProbeResults.render(run.probes()).strip())));
    }
    if (run.generator() != null) {
      facts.add(fact("load generator", Html.text(GeneratorResults.render(run.generator()).strip())));
    }
    facts.add(fact("report", reportLink == null
        ? "no Gatling report in " + Html.text(last.runFolder())
        : "<a class=\"report\" href=\"%s\">Gatling report of this run</a>".formatted(Html.text(reportLink))));
    return String.join("\n", facts);
  }

  private static String fact(String name, String html) {
    return "<dt>%s</dt><dd>%s</dd>".formatted(name, html);
  }

  private static String rates(RunSummary run) {
    String planned = run.planned() == null ? "not planned"
        : run.planned().iterations() == 0 ? "planned none (workers, back to back)"
        : "planned %d iterations = %s".formatted(run.planned().iterations(), Html.rate(run.planned().perSecond()));
    if (run.achieved() == null) {
      return planned + "; achieved: not measured";
    }
    String share = run.planned() == null || run.planned().iterations() == 0 ? ""
        : String.format(Locale.ROOT, " (%.1f %% of planned)", 100.0 * run.achieved().iterations() / run.planned().iterations());
    return "%s; achieved %d = %s%s".formatted(planned, run.achieved().iterations(), Html.rate(run.achieved().perSecond()), share);
  }

  private static String goals(List<GoalResult> goals) {
    if (goals == null || goals.isEmpty()) {
      return "<p>No goal was judged.</p>";
    }
    List<Row> rows = goals.stream()
        .map(g -> new Row(g.met() ? "met" : "missed", List.of(Html.text(g.goal()), g.met() ? "met" : "<b>missed</b>",
            Html.text(g.message()), Html.text(g.origin()))))
        .toList();
    return Html.table("goals", List.of("goal", "result", "actual", "from"), rows);
  }

  /** Each held goal's share and its strip of seconds (green held, amber partly, red not). */
  private static String held(List<RunSummary.HeldGoal> held) {
    if (held == null || held.isEmpty()) {
      return "";
    }
    List<Row> rows = held.stream().map(h -> new Row(h.met() ? "met" : "missed", List.of(Html.text(h.goal()),
        String.format(Locale.ROOT, "%.1f %% of %d s", h.actual(), h.seconds().length()), HeldStrip.html(h)))).toList();
    return "\n" + Html.table("held", List.of("held goal", "share of the seconds", "seconds"), rows);
  }

  private static String requests(RunSummary run) {
    if (run.global() == null) {
      return "<p>No statistics: the run's results could not be read.</p>";
    }
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("global", requestCells(run.global())));
    run.requests().forEach(r -> rows.add(new Row("", requestCells(r))));
    return Html.table("requests", List.of("request", "count", "failed", "p50", "p95", "p99", "max", "throughput"), rows);
  }

  private static List<String> requestCells(RequestStats r) {
    return List.of(Html.text(r.path()), String.valueOf(r.count()), Html.percent(r.failedPercent()), Html.ms(r.p50()),
        Html.ms(r.p95()), Html.ms(r.p99()), Html.ms(r.max()), Html.rate(r.throughput()));
  }

  private static String baseline(List<Comparison> comparisons) {
    if (comparisons == null || comparisons.isEmpty()) {
      return "";
    }
    List<Row> rows = comparisons.stream()
        .map(c -> new Row(c.regression() ? "regression" : "", List.of(Html.text(c.request()), Html.text(c.metric()),
            Html.number(c.baseline()), Html.number(c.actual()), String.format(Locale.ROOT, "%+.1f %%", c.changePercent()),
            c.regression() ? "<b>regression</b>" : "ok")))
        .toList();
    return "<h3>Against the baseline</h3>\n"
        + Html.table("baseline", List.of("request", "metric", "baseline", "actual", "change", ""), rows);
  }
}
