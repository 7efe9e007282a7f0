package loadsuite.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.log.LogRecord;
import loadsuite.suite.DebianTool;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules of docs/ query only metrics a run exposes (Grafana
 * itself cannot be installed here), and Prometheus' own checker takes the scrape configuration
 * and the rules.
 */
class LiveMetricsDocsTest {
  private static final Path DASHBOARD = Path.of("docs", "grafana", "loadsuite-live.json");
  private static final Path ALERTS = Path.of("docs", "prometheus", "alerts.yml");
  private static final Path CONFIG = Path.of("docs", "prometheus", "prometheus.yml");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][\\w:]*)\\b(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("bool", "offset", "and", "or", "unless");
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([\\w:]+)\\s*,");

  @Test
  void everyMetricTheDashboardAndTheAlertsQueryIsOneTheRunExposes() throws Exception {
    Set<String> exposed = exposedNames();
    assertThat(exposed).as("a sample of what a run serves").contains("loadsuite_requests_total", "loadsuite_response_time_seconds_bucket",
        "jvm_memory_used_bytes", "process_cpu_seconds_total");

    Set<String> queried = new TreeSet<>();
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> expressions = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
    assertThat(expressions).as("the dashboard's queries").hasSizeGreaterThanOrEqualTo(10).doesNotContain("");
    dashboard.path("templating").path("list").forEach(variable -> {
      Matcher m = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
      assertThat(m.find()).as("the variable %s lists the values of a metric's label", variable.path("name")).isTrue();
      queried.add(m.group(1));
    });
    for (String line : Files.readAllLines(ALERTS)) {
      if (line.trim().startsWith("expr:")) {
        expressions.add(line.trim().substring("expr:".length()));
      }
    }
    expressions.forEach(e -> queried.addAll(metricNames(e)));
    assertThat(queried).as("the metrics the dashboard and the alert rules query").hasSizeGreaterThan(10);
    assertThat(exposed).containsAll(queried);
  }

  @Test
  void prometheusTakesTheScrapeConfigurationAndTheAlertRules() throws Exception {
    String promtool = DebianTool.PROMTOOL.require();
    for (List<String> check : List.of(List.of("check", "config", CONFIG.toString()), List.of("check", "rules", ALERTS.toString()))) {
      List<String> command = new ArrayList<>(List.of(promtool));
      command.addAll(check);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(output).isZero();
    }
  }

  /** The metric names of a PromQL expression: its identifiers outside label matchers, ranges and label lists, not functions. */
  static Set<String> metricNames(String promql) {
    String bare = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", "")
        .replaceAll("\\[[^]]*]", "")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  @Test
  void metricNamesAreTheIdentifiersThatAreNeitherFunctionsNorLabels() {
    assertThat(metricNames("histogram_quantile(0.99, sum by (le, request) (rate(loadsuite_response_time_seconds_bucket{run=~\"$run\"}"
        + "[$__rate_interval]))) >= 1 and on (run) up")).containsExactly("loadsuite_response_time_seconds_bucket", "up");
  }

  /** The sample names a run's endpoint serves, once a request and a group were recorded. */
  private static Set<String> exposedNames() throws Exception {
    LiveFigures figures = LiveRunTest.figures();
    figures.accept(new LogRecord.Response(List.of("journey"), "GET /simple", 1000, 1005, false, "status.find.is(200), but actually found 500"));
    figures.accept(new LogRecord.Group(List.of("journey"), 1000, 1005, 5, false));
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(text, figures.registry().scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    Set<String> names = new TreeSet<>();
    for (String line : text.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }
}
