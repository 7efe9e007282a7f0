package loadsuite.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import loadsuite.results.Html.Row;

/**
 * The page to open first after a suite run: the verdict of each nightly build and of each system in
 * it, then system by system (each with its verdict) every simulation's last run, failures first, with
 * its goals, requests, baseline comparison and trend, linking to Gatling's report of the run.
 * One self-contained file (inline CSS, inline SVG, no script) that works from the file system.
 */
public final class SuitePage {
  private static final List<String> STATUS_ORDER = List.of(RunSummary.FAILED, RunSummary.INCOMPLETE, RunSummary.PASSED);

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Load suite: %s</title>
      <style>
      %s
      </style>
      </head>
      <body>
      <main id="suite">
      <header>
      <h1>Load suite</h1>
      <p class="tally">%s</p>
      <p class="generated">Generated %s from %s</p>
      </header>
      %s
      %s
      </main>
      </body>
      </html>
      """;

  private static final String STYLE = """
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
      main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
      h1 { margin: 8px 0 0; }
      h2 { margin: 0 0 8px; font-size: 20px; }
      h3 { margin: 18px 0 6px; font-size: 15px; }
      .generated, .tally { margin: 2px 0; color: #59636e; }
      section.system { margin: 28px 0; }
      h2.system { font-size: 24px; border-bottom: 2px solid #d1d9e0; padding-bottom: 4px; }
      section.simulation, table.overview, table.builds { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
      section.simulation { margin: 20px 0; padding: 16px 20px; }
      section.simulation[data-status="failed"] { border-left: 6px solid #cf222e; }
      section.simulation[data-status="incomplete"] { border-left: 6px solid #bf8700; }
      section.simulation[data-status="passed"] { border-left: 6px solid #1a7f37; }
      .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: #59636e; vertical-align: middle; }
      .badge.passed { background: #1a7f37; }
      .badge.failed { background: #cf222e; }
      .badge.incomplete { background: #bf8700; }
      .reason { color: #7d4e00; font-weight: 600; }
      .strip { display: inline-flex; height: 14px; vertical-align: middle; }
      .strip i { width: 4px; height: 14px; margin-right: 1px; }
      .strip i.held { background: #1a7f37; }
      .strip i.partly { background: #bf8700; }
      .strip i.not { background: #cf222e; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 0; }
      dl.facts dt { color: #59636e; }
      dl.facts dd { margin: 0; }
      table { border-collapse: collapse; margin: 4px 0; }
      th, td { padding: 3px 10px; border-bottom: 1px solid #e6eaef; text-align: left; }
      th { background: #f6f8fa; font-weight: 600; }
      table.requests td:not(:first-child), table.runs td:nth-child(n+3), table.overview td:nth-child(n+4),
      table.baseline td:nth-child(n+3):not(:last-child) { text-align: right; font-variant-numeric: tabular-nums; }
      tr.global { font-weight: 600; }
      tr.missed, tr.regression { background: #ffebe9; }
      .charts { display: flex; flex-wrap: wrap; gap: 12px; }
      figure { margin: 0; }
      figcaption { font-size: 12px; color: #59636e; }
      svg.trend { background: #fbfcfd; border: 1px solid #e6eaef; }
      svg.trend line { stroke: #d1d9e0; }
      svg.trend polyline { fill: none; stroke: #0969da; stroke-width: 2; }
      svg.trend circle { fill: #0969da; }
      svg.trend text { font-size: 10px; fill: #59636e; }
      details.runs { margin-top: 8px; }
      details.runs summary { cursor: pointer; color: #0969da; }
      a { color: #0969da; }
      """;

  /** Where the page is written, the first thing to open after a run. */
  public static final Path PAGE_FILE = Path.of("target", "suite", "index.html");

  private SuitePage() {}

  /** Writes the page again from what is on disk: {@code ./mvnw exec:java@suite-page}. */
  public static void main(String[] args) {
    History.Settings history = History.Settings.read(loadsuite.config.Targets.load().history());
    System.out.println("suite page: " + generate(Path.of("target", "gatling"), history.dir(), PAGE_FILE).toAbsolutePath().toUri());
  }

  /**
   * Writes the page for the newest {@code summary.json} of each simulation in the run folders of
   * {@code resultsFolder}, with trends from {@code historyFolder}; returns {@code pageFile}.
   */
  public static Path generate(Path resultsFolder, Path historyFolder, Path pageFile) {
    Path pageFolder = pageFile.toAbsolutePath().normalize().getParent();
    List<StoredSummary> lastRuns = lastRuns(resultsFolder);
    Map<String, List<StoredSummary>> bySystem = lastRuns.stream()
        .collect(Collectors.groupingBy(run -> Builds.system(run.summary().simulation()), LinkedHashMap::new, Collectors.toList()));
    String sections = Builds.systems(bySystem.keySet()).stream()
        .map(system -> systemSection(system, bySystem.get(system), pageFolder, historyFolder))
        .collect(Collectors.joining("\n"));
    List<RunSummary> everyRun = new ArrayList<>(History.all(historyFolder));
    lastRuns.forEach(run -> everyRun.add(run.summary()));
    String tally = tally(lastRuns);
    String html = PAGE.formatted(Html.text(tally), STYLE, Html.text(tally), Html.time(Instant.now()),
        Html.text(resultsFolder.toAbsolutePath().normalize()), overview(lastRuns, pageFolder) + "\n" + builds(Builds.of(everyRun)), sections);
    try {
      Files.createDirectories(pageFolder);
      Files.writeString(pageFile, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the suite page " + pageFile, e);
    }
    return pageFile;
  }

  /** A system's last runs, failed first, under its verdict (the worst of them). */
  private static String systemSection(String system, List<StoredSummary> runs, Path pageFolder, Path historyFolder) {
    String verdict = Builds.worst(runs.stream().map(r -> r.summary().status()).toList());
    String simulations = runs.stream()
        .map(run -> SimulationSection.html(run, reportLink(pageFolder, run), History.of(historyFolder, run.summary().simulation())))
        .collect(Collectors.joining("\n"));
    return """
        <section class="system" id="system-%1$s" data-system="%1$s" data-verdict="%2$s">
        <h2 class="system">%3$s %1$s</h2>
        <p class="tally">%4$s</p>
        %5$s
        </section>""".formatted(Html.text(system), Html.text(verdict), Html.badge(verdict), Html.text(tally(runs)), simulations);
  }

  /** The verdict of each nightly build, newest first, and of each system in it. */
  private static String builds(List<Builds.Build> builds) {
    if (builds.isEmpty()) {
      return "";
    }
    List<String> systems = Builds.systems(builds.stream().flatMap(b -> b.verdicts().keySet().stream()).collect(Collectors.toSet()));
    List<Row> rows = builds.stream().map(build -> {
      List<String> cells = new ArrayList<>(List.of(Html.text(build.tag()), Html.text(build.start()), Html.badge(build.verdict())));
      systems.forEach(system -> cells.add(build.verdicts().containsKey(system) ? Html.badge(build.verdicts().get(system)) : "–"));
      return new Row("", cells);
    }).toList();
    List<String> headers = new ArrayList<>(List.of("build", "started", "verdict"));
    headers.addAll(systems);
    return "<h2>Nightly builds</h2>\n" + Html.table("builds", headers, rows);
  }

  /** The newest summary of each simulation, failed first, then incomplete, then passed. */
  private static List<StoredSummary> lastRuns(Path resultsFolder) {
    if (!Files.isDirectory(resultsFolder)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(resultsFolder)) {
      List<StoredSummary> oldestFirst = StoredSummary.readAll(folders.map(f -> f.resolve(SummaryFiles.NAME)).filter(Files::isRegularFile));
      Map<String, StoredSummary> newest = new TreeMap<>();
      oldestFirst.forEach(s -> newest.put(s.summary().simulation(), s));
      return newest.values().stream().sorted(Comparator.comparing(s -> statusRank(s.summary().status()))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the run folders in " + resultsFolder, e);
    }
  }

  private static int statusRank(String status) {
    int rank = STATUS_ORDER.indexOf(status);
    return rank < 0 ? STATUS_ORDER.size() : rank;
  }

  private static String tally(List<StoredSummary> runs) {
    if (runs.isEmpty()) {
      return "no run summaries found";
    }
    Map<String, Long> counts = runs.stream().collect(Collectors.groupingBy(r -> String.valueOf(r.summary().status()), TreeMap::new, Collectors.counting()));
    return runs.size() + (runs.size() == 1 ? " simulation: " : " simulations: ")
        + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  private static String overview(List<StoredSummary> runs, Path pageFolder) {
    if (runs.isEmpty()) {
      return "<p>No summary.json was found in any run folder.</p>";
    }
    List<Row> rows = runs.stream().map(stored -> {
      RunSummary run = stored.summary();
      String report = reportLink(pageFolder, stored);
      return new Row(
          "<a href=\"#%s\">%s</a>".formatted(SimulationSection.anchor(run.simulation()), Html.text(SimulationSection.simpleName(run.simulation()))),
          Html.badge(run.status()),
          Html.text(run.profile()),
          run.global() == null ? "–" : Html.ms(run.global().p95()),
          run.global() == null ? "–" : Html.ms(run.global().p99()),
          run.global() == null ? "–" : Html.percent(run.global().failedPercent()),
          run.achieved() == null ? "–" : Html.rate(run.achieved().perSecond()),
          run.planned() == null || run.planned().iterations() == 0 ? "–" : Html.rate(run.planned().perSecond()),
          report == null ? "" : "<a href=\"%s\">report</a>".formatted(Html.text(report)));
    }).toList();
    return Html.table("overview", List.of("simulation", "status", "profile", "p95", "p99", "failed", "achieved", "planned", "Gatling"), rows);
  }

  /** A relative, URL-encoded link to the run's Gatling report, or null when there is none. */
  private static String reportLink(Path pageFolder, StoredSummary run) {
    Path report = run.runFolder().resolve("index.html").toAbsolutePath().normalize();
    if (!Files.isRegularFile(report)) {
      return null;
    }
    String relative = StreamSupport.stream(pageFolder.relativize(report).spliterator(), false)
        .map(Path::toString).collect(Collectors.joining("/"));
    try {
      return new URI(null, null, relative, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("no link to " + report, e);
    }
  }
}
