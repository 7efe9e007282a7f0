package loadsuite.suite;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import loadsuite.config.DurationText;
import loadsuite.config.TargetsException;
import loadsuite.goals.GoalAssertion;
import loadsuite.goals.GoalAssertions;
import loadsuite.goals.SampleSizes;
import loadsuite.load.GeneratorSampler;
import loadsuite.load.Injector;
import loadsuite.load.NamedRequests;
import loadsuite.load.PacedConnections;
import loadsuite.load.RateSchedule;
import loadsuite.load.RunId;
import loadsuite.load.ServiceUrls;
import loadsuite.load.WarmUp;
import loadsuite.load.Workload;
import loadsuite.live.CriterionStop;
import loadsuite.live.LiveFigures;
import loadsuite.live.LiveRun;
import loadsuite.live.MetricsSettings;
import loadsuite.log.MeasuredWindow;
import loadsuite.results.Baseline;
import loadsuite.results.BuildTag;
import loadsuite.results.RunPlan;
import loadsuite.results.RunRecorder;
import loadsuite.results.RunReport;
import loadsuite.results.RunSummary;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;
import loadsuite.suite.SystemsUnderTest;
import loadsuite.system.SystemSpec;
import loadsuite.system.WorkloadSpec;

/**
 * What every simulation of the suite does. A simulation's constructor reads its workload's keys
 * ({@link #keys}) and calls {@link #load} once; the workload is the one its system's spec names
 * for the class. {@code load} validates the whole profile, builds the iteration, starts or reaches
 * the system, prepares its data, and sets up the load of the workload's shape with its goals as
 * assertions. Bad input (targets.conf, an unreachable system) stops the run with one line before
 * any load; the system is stopped after the run.
 */
public abstract class SuiteSimulation extends Simulation {
  /** Time allowed past the planned end for the last answers (Gatling's request timeout is 10 s). */
  private static final Duration DRAIN = Duration.ofSeconds(15);
  /** Where Gatling writes a folder per run (the Maven plugin's default; the tests pass the same). */
  private static final Path RESULTS = Path.of("target", "gatling");
  /** Gatling's exit code when an assertion failed. */
  private static final int ASSERTIONS_FAILED = 2;
  /** The exit code of a run stopped before any load by bad input: a wrong setting, an unreachable system. */
  public static final int STOPPED_BEFORE_LOAD = 3;

  private final SystemSpec system;
  private final WorkloadSpec workloadSpec;
  private Suite.Plan plan;
  private RunningSystem sut;
  private volatile RunRecorder recorder;
  private PacedConnections connections;
  private volatile boolean goalMissed;
  /** The run's live figures and stop criteria, when metrics are on or it has a criterion. */
  private Optional<LiveRun> live = Optional.empty();
  private volatile boolean stoppedByCriterion;
  private volatile GeneratorSampler generator;
  /** The goals Gatling judges beside the suite (counts), which the log's header carries. */
  private List<Assertion> countAssertions;

  protected SuiteSimulation(SystemSpec system) {
    this.system = system;
    this.workloadSpec = system.workloadOf(getClass()).orElseThrow(() -> new IllegalStateException(getClass().getName()
        + " runs no workload of the " + system.name() + " system: declare it in the system's spec"));
  }

  /** The workload's shared keys, as read from the chosen profile. */
  protected final Workload workload() {
    return plan().workload();
  }

  /** The workload's own keys, as its system's spec reads them. */
  protected final <T> T keys(Class<T> type) {
    return workload().keys(type);
  }

  /** Sets up the run of the workload: call it once, at the end of the constructor. */
  protected final void load(Load load) {
    if (recorder != null) {
      throw new IllegalStateException(getClass().getName() + " calls load() twice");
    }
    try {
      Suite.Plan plan = plan();
      Workload workload = plan.workload();
      NamedRequests.Built<ChainBuilder> measured = NamedRequests.collect(load.iteration()::requests);
      if (measured.names().isEmpty()) {
        throw new IllegalStateException(getClass().getName() + " builds no request with loadsuite.load.NamedRequests.http(name)");
      }
      ChainBuilder warmUp = WarmUp.build(load.iteration()::requests);
      List<GoalAssertion> goalAssertions = new ArrayList<>(GoalAssertions.of(workload, plan.goals(), measured.names(), measured.groups(),
          load.transfers()));
      String profile = Suite.targets().profileName();
      // an injector's share is not the whole run its baseline was: the merged run is compared instead
      Optional<Baseline> baseline = Injector.current().shared() ? Optional.empty()
          : Baseline.find(Baseline.Settings.read(Suite.targets().baseline()), getClass().getName(), profile,
              workload.schedule().measuredSeconds());
      baseline.ifPresent(b -> goalAssertions.addAll(b.assertions()));
      sut = SystemsUnderTest.start(Suite.targets().sut(), system, workload);
      load.preparation().accept(sut);
      connections = new PacedConnections(workload);
      HttpProtocolBuilder protocol = load.protocol().apply(http.baseUrl(sut.baseUrl())
          .acceptHeader("application/json")
          .disableCaching()
          .disableWarmUp()
          .transformResponse(connections.intendedTimes()::record));
      RunPlan runPlan = RunPlan.of(getClass().getName(), workload.path(), profile, plan.settings(), Injector.current().share(),
          measured.names(), measured.groups(), load.transfers(), new RunSummary.Sut(sut.mode(), sut.baseUrl(), sut.description(), null),
          sut.modes(), sut.baseUrls(), Suite.targets().baseline().json(), baseline.map(b -> b.source().toString()).orElse(null),
          Suite.targets().history().json(), Suite.options(System.getProperties()), Suite.versions(), java.time.Instant.now().toString(),
          BuildTag.current());
      printPlan(plan, measured.names().size());
      live = watch(plan, connections);
      Injector.current().awaitStart();
      // the line Gatling printed up to 3.15 as the load began: people and the tests look for it
      System.out.println("Simulation " + getClass().getName() + " started...");
      // from here on the run is measured: the generator's samples and the run's start leave out the wait for a shared start
      generator = GeneratorSampler.start();
      recorder = new RunRecorder(RESULTS, runPlan, connections::measuredIterations, sut, connections.intendedTimes(), generator);
      Runtime.getRuntime().addShutdownHook(new Thread(this::atExit));
      countAssertions = goalAssertions.stream().filter(GoalAssertion::countsOnly).map(GoalAssertion::assertion).toList();
      setUp(connections.populate(load.title(), warmUp, measured.value(), ServiceUrls.sessionValues(sut.baseUrls()),
              load.feeder().map(feeder -> feeder.get())))
          .protocols(protocol)
          .assertions(countAssertions)
          .maxDuration(connections.plannedDuration().plus(DRAIN));
    } catch (TargetsException | SutUnavailableException e) {
      stopBeforeLoad(e);
    } catch (RuntimeException e) {
      stopSut();
      throw e;
    }
  }

  /** Live metrics and stop criteria, before the load: a criterion that breaks ends the load; a port in use stops the run here. */
  private Optional<LiveRun> watch(Suite.Plan plan, PacedConnections connections) {
    LiveFigures.RunLabels labels = new LiveFigures.RunLabels(RunId.VALUE, getClass().getName(), system.name(),
        Optional.ofNullable(Injector.current().share()).orElse("1/1"));
    return LiveRun.start(MetricsSettings.read(Suite.targets().metrics()), plan.stopWhen(),
        () -> new LiveFigures(labels, connections, () -> generator == null ? 0 : generator.lastCpu()),
        () -> recorder == null ? Optional.empty() : recorder.runFolder(), stop -> {
          System.out.println("\nRun " + stop.describe() + "\n");
          connections.stop(stop.describe());
        });
  }

  private Suite.Plan plan() {
    if (plan == null) {
      try {
        plan = Suite.plan(system, workloadSpec);
      } catch (TargetsException e) {
        stopBeforeLoad(e);
      }
    }
    return plan;
  }

  /**
   * Bad input, not a crash of the suite: one line that names the problem and the fix, no stack
   * trace, and the run ends with {@link #STOPPED_BEFORE_LOAD} (the Maven build fails).
   */
  private void stopBeforeLoad(RuntimeException e) {
    stopSut();
    System.out.flush();
    System.err.println("\nSTOPPED BEFORE ANY LOAD WAS SENT: " + e.getMessage() + "\n");
    System.err.flush();
    System.exit(STOPPED_BEFORE_LOAD);
  }

  /** Gatling starts the run, and opens its folder, as this returns. */
  @Override
  public void before() {
    recorder.gatlingStartsNow();
  }

  @Override
  public void after() {
    try {
      // every record of the log in the live figures before the log is cut
      live.ifPresent(LiveRun::finish);
      Optional<CriterionStop> stop = live.flatMap(LiveRun::stop);
      recorder.runFolder().filter(folder -> java.nio.file.Files.isRegularFile(folder.resolve("simulation.log"))).ifPresentOrElse(
          folder -> {
            cutToMeasuredWindow(folder);
            if (stop.isPresent()) {
              // a stopped run: its figures up to the stop, marked incomplete with what stopped it
              recorder.abandon(stop.get().describe());
              stoppedByCriterion = true;
              return;
            }
            RunSummary summary = recorder.finish(folder);
            System.out.println(RunReport.render(summary));
            summary.goals().forEach(goal -> System.out.println((goal.met() ? "Goal met: " : "Goal missed: ") + goal.message()));
            goalMissed = !summary.missedGoals().isEmpty();
          },
          () -> recorder.abandon("no simulation.log of this run under " + RESULTS));
    } finally {
      stopSut();
      live.ifPresent(LiveRun::close);
    }
  }

  /** The run's log cut to its measured window (Gatling writes its report from that log after this). */
  private void cutToMeasuredWindow(Path folder) {
    Workload workload = plan.workload();
    long leftOut = MeasuredWindow.cut(folder.resolve("simulation.log"), connections.measuredFromMillis(), workload.warmUp().toMillis(),
        MeasuredWindow.describe(workload.warmUp().toMillis(), workload.schedule().measuredSeconds()),
        countAssertions.stream().map(Assertion::asScala).toList());
    if (leftOut > 0) {
      System.err.println("warning: " + leftOut + " responses outside the warm-up's group started before the measured window"
          + " and were left out of the run's figures");
    }
  }

  /**
   * As the JVM exits, after Gatling has written its HTML report: if the run never reached
   * {@code after()} (stopped or crashed), an incomplete summary with the figures and Gatling's
   * report of what was recorded up to the stop; the suite page (now with this run's report to
   * link); and the exit code. Gatling sets it from its own assertions, which it is given only for
   * the goals its figures are exact for (counts: failed share, throughput); every goal is judged by
   * the suite on exact figures, and a missed one ends the JVM with Gatling's code for failed
   * assertions (2), as does a run a stop criterion stopped.
   */
  private void atExit() {
    recorder.abandon("the run ended before its results were read (crashed or stopped)");
    recorder.writeSuitePage();
    if (goalMissed || stoppedByCriterion) {
      System.out.flush();
      Runtime.getRuntime().halt(ASSERTIONS_FAILED);
    }
  }

  private void stopSut() {
    if (sut != null) {
      sut.close();
      sut = null;
    }
  }

  private void printPlan(Suite.Plan plan, int requestsSent) {
    Workload w = plan.workload();
    RateSchedule schedule = w.schedule();
    System.out.printf("%n%s (profile %s) against %s%n", w.path(), Suite.targets().profileName(), sut.description());
    if (Injector.current().shared()) {
      System.out.printf("  injector %d of %d: this machine's share of the workload below%n", Injector.current().index(), Injector.current().count());
    }
    if (schedule.closed()) {
      System.out.printf("  up to %d workers, warm-up %s (left out of the figures), then %s of iterations back to back (no planned rate)%n",
          w.connections(), DurationText.of(w.warmUp()), DurationText.of(schedule.measuredDuration()));
    } else {
      System.out.printf("  %d connections, warm-up %s (left out of the figures), then %d iterations over %s = %.0f/s on average, peak %.0f/s%n",
          w.connections(), DurationText.of(w.warmUp()), schedule.plannedMeasuredIterations(), DurationText.of(schedule.measuredDuration()),
          schedule.plannedMeasuredRate(), schedule.peakRate());
    }
    System.out.println("  goals: " + plan.goals().stream()
        .map(g -> g.scope() + " " + g.metric().key + " " + g.threshold())
        .collect(Collectors.joining(", ")));
    if (!plan.stopWhen().isEmpty()) {
      System.out.println("  stop when: " + plan.stopWhen().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    SampleSizes.shortOf(w, plan.goals(), requestsSent).forEach(line -> System.out.println("  too few responses for a percentile: " + line));
    System.out.println();
  }
}
