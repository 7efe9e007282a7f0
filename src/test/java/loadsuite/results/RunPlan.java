package loadsuite.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loadsuite.config.Section;
import loadsuite.goals.Goal;
import loadsuite.goals.Held;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.load.Injector;
import loadsuite.load.Shape;
import loadsuite.load.Workload;

/**
 * What a run is, written as plan.json into its folder before the load: the workload's keys as
 * the run read them, this injector's share, the requests and groups the simulation sends, the
 * bytes of those that carry a known size, the system's services, and where its baseline and
 * history are. Every result of the run (summary, report, JUnit, history, baseline comparison,
 * the recovery of a stopped run, a merge) is a function of this file and the run's log.
 *
 * @param settings the workload's keys (goals included), as JSON
 * @param injector this run's share ({@code 2/3}), null for the whole workload
 * @param baseline the {@code baseline} block, as JSON; {@code comparedWith} the summary the run is
 *     compared with, null for none
 * @param history the {@code history} block, as JSON
 * @param build the build the run belongs to ({@link BuildTag}), null for none
 * @param outline what the plan comes to, for people reading the file (not read back)
 */
public record RunPlan(
    String simulation,
    String workload,
    String profile,
    JsonNode settings,
    String injector,
    List<String> requests,
    List<String> groups,
    Map<String, Long> bytesPerRequest,
    RunSummary.Sut sut,
    Map<String, String> serviceModes,
    Map<String, String> serviceUrls,
    JsonNode baseline,
    String comparedWith,
    JsonNode history,
    Map<String, String> options,
    Versions versions,
    String created,
    String build,
    Outline outline) {

  public static final String NAME = "plan.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The suite's revision (git) and Gatling's version that ran the plan. */
  public record Versions(String suite, String gatling) {}

  /** The plan's numbers, derived from the settings and the share. */
  public record Outline(double warmUpSeconds, double measuredSeconds, long plannedIterations, double plannedRate, List<String> levels,
      double levelSeconds, List<String> goals, List<String> goalsOfThisInjector) {}

  /** A plan with its outline derived from the settings. */
  public static RunPlan of(String simulation, String workload, String profile, String settings, String injector, List<String> requests,
      List<String> groups, Map<String, Long> bytesPerRequest, RunSummary.Sut sut, Map<String, String> serviceModes,
      Map<String, String> serviceUrls, String baseline, String comparedWith, String history, Map<String, String> options,
      Versions versions, String created, String build) {
    RunPlan plan = new RunPlan(simulation, workload, profile, node(settings), injector, requests, groups, bytesPerRequest, sut,
        serviceModes, serviceUrls, node(baseline), comparedWith, node(history), options, versions, created, build, null);
    return plan.withOutline();
  }

  private RunPlan withOutline() {
    Workload share = workloadSent();
    var schedule = share.schedule();
    List<String> levels = levels().stream().filter(l -> !l.isEmpty()).map(l -> l.get(0)).toList();
    double levelSeconds = share.shape() instanceof Shape.Staircase staircase ? staircase.levelSeconds() : 0;
    return new RunPlan(simulation, workload, profile, settings, injector, requests, groups, bytesPerRequest, sut, serviceModes,
        serviceUrls, baseline, comparedWith, history, options, versions, created, build,
        new Outline(share.warmUp().toNanos() / 1e9, schedule.measuredSeconds(), schedule.plannedMeasuredIterations(),
            schedule.plannedMeasuredRate(), levels, levelSeconds, describe(wholeGoals()), describe(goals())));
  }

  /** The plan of the whole workload its injectors' shares make up: what a merge of their runs judges. */
  public RunPlan whole(String description, Optional<Path> comparedWith, Map<String, String> goalOverrides) {
    String wholeSettings = settings.toString();
    if (!goalOverrides.isEmpty()) {
      var overridden = com.typesafe.config.ConfigFactory.parseMap(goalOverrides)
          .withFallback(com.typesafe.config.ConfigFactory.parseString(wholeSettings));
      wholeSettings = overridden.root().render(com.typesafe.config.ConfigRenderOptions.concise());
    }
    return new RunPlan(simulation, workload, profile, node(wholeSettings), null, requests, groups, bytesPerRequest,
        new RunSummary.Sut(sut.mode(), sut.url(), description, sut.image()), serviceModes, serviceUrls, baseline,
        comparedWith.map(Path::toString).orElse(null), history, options, versions, created, build, null).withOutline();
  }

  /** The whole workload, as its keys say. */
  public Workload wholeWorkload() {
    return Workload.read(section(), section -> null, Optional.empty());
  }

  /** The workload this run sent: its injector's share of the whole. */
  public Workload workloadSent() {
    return share().share(wholeWorkload());
  }

  public List<Goal> wholeGoals() {
    return Goal.readAll(section().section("goals"));
  }

  /** The goals this run is judged on: its injector's share of the whole run's. */
  public List<Goal> goals() {
    Workload whole = wholeWorkload();
    return wholeGoals().stream().map(g -> g.sharedBy(share(), whole)).toList();
  }

  /** The goals this run holds second by second ({@code held}). */
  public List<Held> held() {
    return Held.readAll(section().section("goals"), goals());
  }

  /** The goals as the suite judges them on the run's log. */
  public List<GoalAssertion> goalAssertions() {
    return GoalAssertions.of(workloadSent(), goals(), requests, groups, bytesPerRequest);
  }

  public Injector share() {
    return Injector.of(injector);
  }

  public Baseline.Settings baselineSettings() {
    return Baseline.Settings.read(Section.fromJson(baseline.toString(), "baseline", NAME));
  }

  public History.Settings historySettings() {
    return History.Settings.read(Section.fromJson(history.toString(), "history", NAME));
  }

  /** The groups every declared group sits in: each level of a staircase, else none. */
  public List<List<String>> levels() {
    if (wholeWorkload().shape() instanceof Shape.Staircase staircase) {
      return staircase.levels().stream().map(level -> List.of(level.name())).toList();
    }
    return List.of(List.of());
  }

  /**
   * How long a request or group in {@code group} was measured, when the measured window lasted
   * {@code window} seconds: in a staircase's k-th level, what the window left of that level; else
   * the whole window.
   */
  public double window(List<String> group, double window) {
    int k = group.isEmpty() ? -1 : levels().indexOf(List.of(group.get(0)));
    if (k < 0 || !(workloadSent().shape() instanceof Shape.Staircase staircase)) {
      return window;
    }
    return Math.max(1, Math.min(staircase.levelSeconds(), window - k * staircase.levelSeconds()));
  }

  public void write(Path folder) {
    try {
      Files.createDirectories(folder);
      Path temp = folder.resolve(NAME + ".tmp");
      JSON.writeValue(temp.toFile(), this);
      Files.move(temp, folder.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
    }
  }

  public static boolean isIn(Path folder) {
    return Files.isRegularFile(folder.resolve(NAME));
  }

  public static RunPlan read(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(folder + " has no " + NAME + ": it is not the folder of a run of this suite's simulations");
    }
    try {
      return JSON.readValue(file.toFile(), RunPlan.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run's plan " + file + ": " + e.getMessage(), e);
    }
  }

  private Section section() {
    return Section.fromJson(settings.toString(), workload, NAME);
  }

  private static List<String> describe(List<Goal> goals) {
    return goals.stream().map(g -> g.scope() + " " + g.metric().key + " " + g.threshold()).toList();
  }

  private static JsonNode node(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }
}
