package loadsuite;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import loadsuite.config.DurationText;
import loadsuite.config.TargetsException;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.load.PacedConnections;
import loadsuite.load.RateSchedule;
import loadsuite.load.Workload;
import loadsuite.results.Baseline;
import loadsuite.results.History;
import loadsuite.results.RunRecorder;
import loadsuite.results.RunReport;
import loadsuite.results.RunStats;
import loadsuite.results.RunSummary;
import loadsuite.sut.StandIn;
import loadsuite.sut.SystemUnderTest;
import loadsuite.sut.SutUnavailableException;
import loadsuite.sut.SystemsUnderTest;

/**
 * What every simulation of the suite does: read its workload and goals from targets.conf
 * (validating the whole profile first), start or reach the system under test, send the load
 * of the workload's shape, and turn its goals into assertions. Nothing is sent before all of
 * this has succeeded; the system is stopped after the run.
 */
public abstract class SuiteSimulation extends Simulation {
  /** Time allowed past the planned end for the last answers (Gatling's request timeout is 10 s). */
  private static final Duration DRAIN = Duration.ofSeconds(15);
  /** Where Gatling writes a folder per run (the Maven plugin's default; the tests pass the same). */
  private static final Path RESULTS = Path.of("target", "gatling");
  /** Gatling's exit code when an assertion failed. */
  private static final int ASSERTIONS_FAILED = 2;

  private final String system;
  private final String healthPath;
  private final StandIn standIn;
  private SystemUnderTest sut;
  private Suite.Plan plan;
  private List<String> requestNames;
  private List<GoalAssertion> goalAssertions;
  private RunRecorder recorder;
  private final Map<String, Long> bytesPerRequest = new LinkedHashMap<>();

  protected SuiteSimulation(String system, String healthPath, StandIn standIn) {
    this.system = system;
    this.healthPath = healthPath;
    this.standIn = standIn;
  }

  /**
   * Sets up the run of one workload.
   *
   * @param workloadName the workload's key under the system in targets.conf
   * @param scenarioName what the scenario does, as the report shows it
   * @param requestNames the names of the requests an iteration sends (goals may name them)
   * @param iteration the requests of one iteration of a connection
   */
  protected void run(String workloadName, String scenarioName, List<String> requestNames, PacedConnections.Iteration iteration) {
    plan = plan(workloadName);
    this.requestNames = requestNames;
    try {
      goalAssertions = new ArrayList<>(GoalAssertions.of(plan.workload(), plan.goals(), requestNames));
      String profile = Suite.targets().profileName();
      Optional<Baseline> baseline = Baseline.find(Baseline.Settings.read(Suite.targets().baseline()), getClass().getName(), profile,
          plan.workload().schedule().measuredSeconds());
      baseline.ifPresent(b -> goalAssertions.addAll(b.assertions()));
      History.Settings history = History.Settings.read(Suite.targets().history());
      sut = SystemsUnderTest.start(Suite.targets().sut(), system, healthPath, standIn);
      prepare(sut.baseUrl());
      HttpProtocolBuilder protocol = http.baseUrl(sut.baseUrl())
          .acceptHeader("application/json")
          .disableCaching()
          .disableWarmUp();
      PacedConnections connections = new PacedConnections(plan.workload());
      recorder = new RunRecorder(RESULTS, history, getClass().getName(), profile, plan.workload(), plan.goals(),
          requestNames, goalAssertions, baseline, connections::measuredIterations, bytesPerRequest, sut);
      Runtime.getRuntime().addShutdownHook(new Thread(
          () -> recorder.abandon("the run ended before its results were read (crashed or stopped)")));
      printPlan(plan);
      setUp(connections.populate(scenarioName, iteration))
          .protocols(protocol)
          .assertions(goalAssertions.stream().map(GoalAssertion::assertion).toList())
          .maxDuration(connections.plannedDuration().plus(DRAIN));
    } catch (TargetsException | SutUnavailableException e) {
      System.err.println("\nSTOPPED BEFORE ANY LOAD WAS SENT: " + e.getMessage() + "\n");
      stopSut();
      throw e;
    } catch (RuntimeException e) {
      stopSut();
      throw e;
    }
  }

  /**
   * Puts into the system what the workload reads (an image to pull, say), once, after the system
   * answers and before any load. Nothing by default.
   */
  protected void prepare(String baseUrl) {}

  /** Reports the data rate (MiB/s) of a request whose body, sent or received, is {@code bytes} long. */
  protected void reportTransfer(String request, long bytes) {
    bytesPerRequest.put(request, bytes);
  }

  /** A workload's plan from targets.conf, for a simulation whose requests depend on it. */
  protected Suite.Plan plan(String workloadName) {
    try {
      return Suite.plan(system, workloadName);
    } catch (TargetsException e) {
      System.err.println("\nSTOPPED BEFORE ANY LOAD WAS SENT: " + e.getMessage() + "\n");
      throw e;
    }
  }

  @Override
  public void after() {
    try {
      RunStats.latest(RESULTS, getClass().getName()).ifPresentOrElse(
          stats -> {
            RunSummary summary = recorder.finish(stats);
            System.out.println(RunReport.render(summary));
            failOnExitIfMissed(summary.missedContainerGoals());
          },
          () -> recorder.abandon("no simulation.log of this run under " + RESULTS));
    } finally {
      stopSut();
    }
  }

  /**
   * Gatling sets its exit code from its own assertions, after this hook and the reports, and those
   * cover requests only. A missed goal on the container's resources ends the JVM with Gatling's
   * code for failed assertions (2) instead, once the reports are written and Gatling exits.
   */
  private static void failOnExitIfMissed(List<RunSummary.GoalResult> missed) {
    if (missed.isEmpty()) {
      return;
    }
    missed.forEach(goal -> System.out.println("Container goal missed: " + goal.message()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.flush();
      Runtime.getRuntime().halt(ASSERTIONS_FAILED);
    }));
  }

  private void stopSut() {
    if (sut != null) {
      sut.close();
      sut = null;
    }
  }

  private void printPlan(Suite.Plan plan) {
    Workload w = plan.workload();
    RateSchedule schedule = w.schedule();
    System.out.printf("%n%s (profile %s) against %s%n", w.path(), Suite.targets().profileName(), sut.description());
    System.out.printf("  %d connections, warm-up %s (silent), then %d iterations over %s = %.0f/s on average, peak %.0f/s%n",
        w.connections(), DurationText.of(w.warmUp()), schedule.plannedMeasuredIterations(), DurationText.of(schedule.measuredDuration()),
        schedule.plannedMeasuredRate(), schedule.peakRate());
    System.out.println("  goals: " + plan.goals().stream()
        .map(g -> g.scope() + " " + g.metric().key + " " + g.threshold())
        .collect(Collectors.joining(", ")) + "\n");
  }
}
