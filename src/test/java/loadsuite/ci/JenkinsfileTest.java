package loadsuite.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.results.JUnitReport;
import loadsuite.results.SuitePage;
import loadsuite.config.Targets;
import loadsuite.suite.SetPlan;
import loadsuite.suite.SetRun;
import loadsuite.suite.SimulationSet;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TernaryExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jenkinsfile, parsed as Groovy: it runs what the README documents, docs/jenkins.md describes it, and it keeps what the suite writes. */
class JenkinsfileTest {
  /** Every call of the pipeline with its string arguments, named ones as "name=value". */
  private static final Map<String, List<List<String>>> CALLS = new LinkedHashMap<>();
  /** The time of every timeout, as Groovy text: a number, or the variable a plan set. */
  private static final List<String> TIMEOUTS = new ArrayList<>();

  @BeforeAll
  static void parse() throws IOException {
    CompilationUnit unit = new CompilationUnit();
    SourceUnit source = unit.addSource("Jenkinsfile", Files.readString(Path.of("Jenkinsfile")));
    unit.compile(Phases.CONVERSION);
    ModuleNode module = source.getAST();
    module.getStatementBlock().visit(new CodeVisitorSupport() {
      @Override
      public void visitMethodCallExpression(MethodCallExpression call) {
        List<String> args = new ArrayList<>();
        collect(call.getArguments(), args);
        CALLS.computeIfAbsent(call.getMethodAsString(), k -> new ArrayList<>()).add(args);
        if ("timeout".equals(call.getMethodAsString()) && call.getArguments() instanceof TupleExpression tuple
            && tuple.getExpression(0) instanceof MapExpression map) {
          map.getMapEntryExpressions().stream().filter(e -> e.getKeyExpression().getText().equals("time"))
              .forEach(e -> TIMEOUTS.add(e.getValueExpression().getText()));
        }
        super.visitMethodCallExpression(call);
      }
    });
  }

  private static void collect(Expression expression, List<String> out) {
    if (expression instanceof ConstantExpression constant && constant.getValue() instanceof String text) {
      out.add(text);
    } else if (expression instanceof ArgumentListExpression || expression instanceof TupleExpression) {
      ((TupleExpression) expression).getExpressions().forEach(e -> collect(e, out));
    } else if (expression instanceof ListExpression list) {
      list.getExpressions().forEach(e -> collect(e, out));
    } else if (expression instanceof TernaryExpression ternary) {
      collect(ternary.getTrueExpression(), out);
      collect(ternary.getFalseExpression(), out);
    } else if (expression instanceof MapExpression map) {
      for (MapEntryExpression entry : map.getMapEntryExpressions()) {
        List<String> values = new ArrayList<>();
        collect(entry.getValueExpression(), values);
        values.forEach(v -> out.add(entry.getKeyExpression().getText() + "=" + v));
      }
    }
  }

  private static List<String> argumentsOf(String step) {
    assertThat(CALLS).as("the Jenkinsfile calls " + step).containsKey(step);
    return CALLS.get(step).stream().flatMap(List::stream).toList();
  }

  private static String shellScripts() {
    return String.join("\n", argumentsOf("sh"));
  }

  @Test
  void runsTheReadmesTestCommand() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher testCommand = Pattern.compile("\\./mvnw verify").matcher(readme);
    assertThat(testCommand.find()).as("the README gives ./mvnw verify").isTrue();
    assertThat(shellScripts()).contains("./mvnw verify");
  }

  @Test
  void runsSimulationsWithTheReadmesCommandAndOptions() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("./mvnw gatling:test -Dgatling.simulationClass=");
    String scripts = shellScripts();
    assertThat(scripts).contains("./mvnw gatling:test -Dgatling.simulationClass=");
    for (String option : List.of("-Dprofile=", "-Dsut.mode=", "-Dsut.url=", "-Dsut.container.images=", "-Dsoak-duration=", "-Doverrides=")) {
      assertThat(scripts).as(option).contains(option);
      assertThat(readme).as("the README documents " + option).contains(option.replace("=", ""));
    }
    assertThat(scripts).contains("ulimit -n");
  }

  /** Every parameter of the pipeline is documented in docs/jenkins.md (or the nightly's page, once it exists). */
  @Test
  void theDocsDescribeEveryParameter() throws IOException {
    String docs = Files.readString(Path.of("docs/jenkins.md"));
    if (Files.exists(Path.of("docs/nightly.md"))) {
      docs += Files.readString(Path.of("docs/nightly.md"));
    }
    List<String> parameters = new ArrayList<>(argumentsOf("string"));
    parameters.addAll(argumentsOf("choice"));
    List<String> names = parameters.stream().filter(p -> p.startsWith("name=")).map(p -> p.substring("name=".length())).toList();
    assertThat(names).contains("SIMULATIONS", "PROFILE");
    for (String name : names) {
      assertThat(docs).as("docs/jenkins.md documents the parameter " + name).contains("`" + name + "`");
    }
  }

  @Test
  void findsTheSimulationsInTheSuitesListOfSystems() {
    assertThat(shellScripts()).contains("./mvnw -q test-compile exec:java@simulations -Dsimulations=\"$SIMULATIONS\"")
        .doesNotContain("grep -rl");
  }

  @Test
  void everyShellStepIsValidBash() throws Exception {
    for (String script : argumentsOf("sh")) {
      Process check = new ProcessBuilder("bash", "-n", "-c", script).redirectErrorStream(true).start();
      String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(check.waitFor()).as(script + "\n" + output).isZero();
    }
  }

  @Test
  void givesTheFiguresOfARunKilledBeforeItsJvmCould() {
    assertThat(shellScripts()).contains("grep -q '\"status\" : \"incomplete\"'")
        .contains("./mvnw -q test-compile exec:exec@stopped-run -Drun=\"$folder\"");
  }

  @Test
  void archivesAndPublishesWhatTheSuiteWrites() {
    assertThat(argumentsOf("archiveArtifacts")).anySatisfy(a -> assertThat(a).startsWith("artifacts=").contains("target/gatling/**"));
    assertThat(argumentsOf("junit")).anySatisfy(a -> assertThat(a).contains(SetRun.JUNIT_FOLDER + "/*.xml")
        .contains("target/surefire-reports/*.xml"));
    assertThat(argumentsOf("junit")).as("a merged run of injectors").anySatisfy(a -> assertThat(a).contains("target/gatling/*/" + JUnitReport.NAME));
    assertThat(argumentsOf("publishHTML")).contains("target=reportDir=" + SuitePage.PAGE_FILE.getParent(),
        "target=reportFiles=" + SuitePage.PAGE_FILE.getFileName());
    assertThat(argumentsOf("archiveArtifacts")).anySatisfy(a -> assertThat(a).contains(SuitePage.PAGE_FILE.getParent() + "/**"));
  }

  @Test
  void isANightlyPipelineWithTheParametersAndOptionsOfASoak() {
    assertThat(argumentsOf("cron")).singleElement().asString().matches("H \\d+ \\* \\* \\*");
    List<String> parameters = new ArrayList<>(argumentsOf("string"));
    parameters.addAll(argumentsOf("choice"));
    assertThat(parameters).contains("name=SIMULATIONS", "name=PROFILE", "name=SUT_MODE", "name=IMAGES", "name=SUT_URL", "name=SOAK_DURATION",
        "name=OVERRIDES");
    assertThat(CALLS).containsKeys("timeout", "disableConcurrentBuilds", "buildDiscarder", "timestamps");
  }

  @Test
  void runsInjectorsInParallelOnAgentsAndMergesTheirRuns() {
    List<String> parameters = argumentsOf("string");
    assertThat(parameters).contains("name=INJECTORS", "defaultValue=1", "name=INJECTOR_LABEL");
    assertThat(CALLS).containsKeys("parallel", "node", "stash", "unstash");
    assertThat(shellScripts()).contains("-Dinjector=\"$SHARE\" -Dinjector.start-at=\"$START_AT\"")
        .contains("./mvnw -q test-compile exec:java@merge -Druns=\"$runs\"\n");
  }

  /** Each parameter's default: a string's defaultValue, a choice's first choice. */
  private static Map<String, String> parameterDefaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String step : List.of("string", "choice")) {
      for (List<String> call : CALLS.get(step)) {
        String name = value(call, "name=");
        defaults.put(name, value(call, step.equals("string") ? "defaultValue=" : "choices="));
      }
    }
    return defaults;
  }

  private static String value(List<String> call, String prefix) {
    return call.stream().filter(a -> a.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(call + " has no " + prefix))
        .substring(prefix.length());
  }

  private static Properties properties(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  @Test
  void theScheduledBuildRunsEverySimulationInContainerModeWithLocalImagesThenSoaksEverySystem() {
    Map<String, String> defaults = parameterDefaults();
    assertThat(defaults).containsEntry("PROFILE", "nightly").containsEntry("SUT_MODE", "container").containsEntry("IMAGES", "local")
        .containsEntry("INJECTORS", "1");
    Targets nightly = Targets.load(Path.of("targets.conf"), properties("profile", defaults.get("PROFILE")));
    assertThat(SimulationSet.resolve(properties(SimulationSet.PROPERTY, defaults.get("SIMULATIONS")), () -> nightly))
        // every simulation class of the sources is one of its system's (ArchitectureTest), so these are all of them
        .containsExactlyElementsOf(SimulationSet.all())
        .anySatisfy(s -> assertThat(s).startsWith("loadsuite.runtime.")).anySatisfy(s -> assertThat(s).startsWith("loadsuite.nebulagc."));

    Targets soak = Targets.load(Path.of("targets.conf"), properties("profile", "soak", "soak-duration", defaults.get("SOAK_DURATION")));
    List<String> soaked = SimulationSet.resolve(properties(SimulationSet.PROPERTY, defaults.get("SOAK_SIMULATIONS")), () -> soak);
    assertThat(soaked.stream().map(s -> SystemCatalog.ofSimulation(s).orElseThrow().name()).distinct())
        .as("at least one soaked workload per system").containsExactlyInAnyOrderElementsOf(SystemCatalog.all().stream().map(SystemSpec::name).toList());
    Duration soakDuration = Duration.ofHours(Long.parseLong(defaults.get("SOAK_DURATION").replace("h", "")));
    assertThat(SetPlan.plans(soak, soaked)).allSatisfy(run -> assertThat(run.load()).isGreaterThanOrEqualTo(soakDuration));
  }

  @Test
  void theLoadStagesTimeoutsFollowFromTheirPlanSoThatA24HourSoakFits() {
    List<String> scripts = argumentsOf("sh");
    List<String> sets = scripts.stream().filter(s -> s.contains("exec:java@set")).toList();
    assertThat(sets).as("the nightly set and the soak set").hasSize(2);
    for (String set : sets) {
      Set<String> runOptions = options(set);
      assertThat(runOptions).contains("-Dbuild=\"$BUILD_TAG\"", "-Dsut.mode=\"$SUT_MODE\"", "-Dsut.container.images=\"$IMAGES\"");
      runOptions.remove("-Dbuild=\"$BUILD_TAG\"");
      assertThat(scripts).as("the plan of the set that runs with " + runOptions)
          .anySatisfy(s -> assertThat(s.contains("exec:java@plan") && options(s).equals(runOptions)).isTrue());
    }
    assertThat(TIMEOUTS).as("every stage's timeout: the fixed ones of the engine and the tests, the others from a plan")
        .containsExactlyInAnyOrder("30", "60", "minutes", "minutes", "(minutes + 10)");
    assertThat(CALLS.get("timeout")).allSatisfy(args -> assertThat(args).contains("unit=MINUTES"));

    Targets soak = Targets.load(Path.of("targets.conf"), properties("profile", "soak", "soak-duration", "24h", "sut.mode", "container"));
    List<String> soaked = SimulationSet.resolve(properties(SimulationSet.PROPERTY, "soak"), () -> soak);
    Duration timeout = SetPlan.timeout(SetPlan.plans(soak, soaked));
    assertThat(timeout).as("the soak stage's timeout holds every soaked workload for 24 h")
        .isGreaterThan(Duration.ofHours(24).multipliedBy(soaked.size()));
  }

  private static Set<String> options(String script) {
    Set<String> options = new TreeSet<>();
    Pattern.compile("-D[\\w.-]+=(\"[^\"]*\"|\\S+)").matcher(script).results().forEach(m -> options.add(m.group()));
    return options;
  }
}
