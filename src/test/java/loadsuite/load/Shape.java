package loadsuite.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.config.Section;
import loadsuite.load.RateSchedule.Step;

/** The injection shapes of the suite, each turned into the rate schedule its connections follow. */
public sealed interface Shape {

  RateSchedule schedule(Duration warmUp);

  /** Whether all connections start at the same instant (bursts) or spread over one period. */
  default boolean startTogether() {
    return false;
  }

  /** A constant rate, also the soak shape when its duration is hours. */
  record Sustained(Rate rate, Duration duration) implements Shape {
    @Override
    public RateSchedule schedule(Duration warmUp) {
      return RateSchedule.of(new Step(duration, rate.perSecond(), rate.perSecond(), false, null)).withWarmUp(warmUp);
    }
  }

  /** A base rate, a sudden peak, and the base rate again. */
  record Spike(Rate baseRate, Rate peakRate, Duration baseDuration, Duration peakDuration) implements Shape {
    @Override
    public RateSchedule schedule(Duration warmUp) {
      double base = baseRate.perSecond();
      double peak = peakRate.perSecond();
      return RateSchedule.of(
              new Step(baseDuration, base, base, false, null),
              new Step(peakDuration, peak, peak, false, null),
              new Step(baseDuration, base, base, false, null))
          .withWarmUp(warmUp);
    }
  }

  /**
   * A staircase of levels of equal duration, each level's requests grouped under its name, so that
   * the report shows where latency and errors break (the knee); the goals hold on every level up
   * to the knee goal.
   */
  sealed interface Staircase extends Shape {
    /**
     * One level: its group name ({@code level 5600/s}), what it sets ({@code 5600/s}) and the
     * iterations it plans (0 for workers, which send as fast as they can).
     */
    record Level(String name, String label, double magnitude, long plannedIterations) {}

    List<Level> levels();

    Duration duration();

    /** The knee goal as written: {@code 5000/s}, {@code 50 workers}. */
    String kneeText();

    default double levelSeconds() {
      return duration().toNanos() / 1e9 / levels().size();
    }

    /** The levels that must meet the goals. */
    List<Level> levelsUpToKnee();

    /** All levels below the knee goal, and the first at or above it. */
    private static List<Level> upTo(List<Level> levels, double kneeGoal) {
      List<Level> gated = new ArrayList<>();
      for (Level level : levels) {
        gated.add(level);
        if (level.magnitude() >= kneeGoal) {
          break;
        }
      }
      return gated;
    }

    /** Evenly spaced whole values from start to end. */
    private static List<Long> spaced(double start, double end, int steps) {
      List<Long> values = new ArrayList<>();
      double increment = steps == 1 ? 0 : (end - start) / (steps - 1);
      for (int i = 0; i < steps; i++) {
        values.add(Math.round(start + increment * i));
      }
      return values;
    }
  }

  /**
   * A staircase of rates from the start rate to the end rate. An injector sends {@code share} of
   * each level's rate (1 alone); its levels keep the whole run's names and knee, so that the
   * injectors' runs merge level by level.
   */
  record Stress(Rate startRate, Rate endRate, Duration duration, int steps, Rate knee, double share, String levelSuffix)
      implements Staircase {
    public Stress(Rate startRate, Rate endRate, Duration duration, int steps, Rate knee) {
      this(startRate, endRate, duration, steps, knee, 1);
    }

    public Stress(Rate startRate, Rate endRate, Duration duration, int steps, Rate knee, double share) {
      this(startRate, endRate, duration, steps, knee, share, "");
    }

    @Override
    public RateSchedule schedule(Duration warmUp) {
      List<Step> steps = new ArrayList<>();
      Duration each = duration.dividedBy(this.steps);
      for (Level level : levels()) {
        double rate = level.magnitude() * share;
        steps.add(new Step(each, rate, rate, false, level.name()));
      }
      return new RateSchedule(steps).withWarmUp(warmUp);
    }

    @Override
    public List<Level> levels() {
      double seconds = duration.toNanos() / 1e9 / steps;
      return Staircase.spaced(startRate.perSecond(), endRate.perSecond(), steps).stream()
          .map(rate -> new Level(levelName(rate) + levelSuffix, rate + "/s" + levelSuffix, rate, Math.round(rate * share * seconds)))
          .toList();
    }

    @Override
    public List<Level> levelsUpToKnee() {
      return Staircase.upTo(levels(), knee.perSecond());
    }

    @Override
    public String kneeText() {
      return knee.toString();
    }

    public static String levelName(double rate) {
      return "level " + Math.round(rate) + "/s";
    }
  }

  /**
   * The stress staircase once for each count of instances of the system behind a load balancer,
   * in turn, each level's rate that count times the per-instance one: the knee at each count, and
   * the scaling efficiency knee(n) / (n × knee(1)), which must reach {@code efficiency} at every
   * count. The levels only locate each count's knee; the efficiency is the goal. Each count's
   * staircase has its warm-up ({@link #schedule}).
   *
   * @param durationEach how long each count's staircase lasts
   */
  record Scaling(List<Integer> instances, Rate startRate, Rate endRate, Duration durationEach, int steps, Percent efficiency,
      double share) implements Staircase {
    /** The most instances a run starts: seed 002's production-ready scaling target. */
    public static final int MAX_INSTANCES = 100;

    public Scaling {
      instances = List.copyOf(instances);
    }

    /** The staircase of {@code count} instances: its levels named {@code level 400/s on 2 instances}. */
    public Stress staircase(int count) {
      Rate top = new Rate(endRate.perSecond() * count);
      return new Stress(new Rate(startRate.perSecond() * count), top, durationEach, steps, top, share, " " + on(count));
    }

    /** {@code on 1 instance}, {@code on 2 instances}. */
    public static String on(int count) {
      return "on " + count + (count == 1 ? " instance" : " instances");
    }

    /**
     * Each count's staircase after a warm-up of its own (left out of the figures), sent to that count's instances: it
     * warms the instances the count adds, and lets the backlog of the last count's top level drain
     * before the first level is measured.
     */
    @Override
    public RateSchedule schedule(Duration warmUp) {
      List<Step> all = new ArrayList<>();
      for (int count : instances) {
        List<Step> staircase = staircase(count).schedule(Duration.ZERO).steps();
        if (!warmUp.isZero()) {
          double first = staircase.get(0).fromRate();
          all.add(new Step(warmUp, first / 10, first, true, warmUpGroup(count)));
        }
        all.addAll(staircase);
      }
      return new RateSchedule(all);
    }

    /** The group of the warm-up before the staircase of {@code count} instances (left out of the figures with the warm-up: it only says where the requests go). */
    public static String warmUpGroup(int count) {
      return "warm-up " + on(count);
    }

    /** The whole run's measured time: every count's staircase. */
    @Override
    public Duration duration() {
      return durationEach.multipliedBy(instances.size());
    }

    @Override
    public List<Level> levels() {
      return instances.stream().flatMap(count -> staircase(count).levels().stream()).toList();
    }

    @Override
    public List<Level> levelsUpToKnee() {
      return List.of();
    }

    @Override
    public String kneeText() {
      return "scaling-efficiency " + efficiency;
    }
  }

  /**
   * Workers that send their iterations back to back, each starting the next as soon as the last
   * ends (a closed model, as a replication tool's worker pool): the rate is what they achieve.
   */
  record Workers(int workers, Duration duration) implements Shape {
    @Override
    public RateSchedule schedule(Duration warmUp) {
      return RateSchedule.of(Step.closed(duration, workers, false, null)).withWarmUp(warmUp);
    }
  }

  /**
   * A staircase of workers, from the start count to the end count, to find the most the system
   * takes. Injector {@code injector} of {@code injectors} runs its share of each level's workers
   * ({@link Injector#shareOf}); its levels keep the whole run's names and knee.
   */
  record WorkerStress(int startWorkers, int endWorkers, Duration duration, int steps, int knee, int injector, int injectors)
      implements Staircase {
    public WorkerStress(int startWorkers, int endWorkers, Duration duration, int steps, int knee) {
      this(startWorkers, endWorkers, duration, steps, knee, 1, 1);
    }

    @Override
    public RateSchedule schedule(Duration warmUp) {
      Duration each = duration.dividedBy(steps);
      return new RateSchedule(levels().stream()
              .map(level -> Step.closed(each, Injector.shareOf((int) level.magnitude(), injector, injectors), false, level.name()))
              .toList())
          .withWarmUp(warmUp);
    }

    @Override
    public List<Level> levels() {
      return Staircase.spaced(startWorkers, endWorkers, steps).stream()
          .map(workers -> {
            String label = workers + (workers == 1 ? " worker" : " workers");
            return new Level("level " + label, label, workers, 0);
          })
          .toList();
    }

    @Override
    public List<Level> levelsUpToKnee() {
      return Staircase.upTo(levels(), knee);
    }

    @Override
    public String kneeText() {
      return knee + (knee == 1 ? " worker" : " workers");
    }
  }

  /** Repeated bursts of simultaneous requests, as {@code Promise.all} of N requests does. */
  record Burst(int concurrency, Duration interval, Duration duration) implements Shape {
    @Override
    public RateSchedule schedule(Duration warmUp) {
      double rate = concurrency * 1e9 / interval.toNanos();
      return RateSchedule.of(new Step(duration, rate, rate, false, null)).withSteadyWarmUp(warmUp);
    }

    @Override
    public boolean startTogether() {
      return true;
    }
  }

  /** Reads the shape keys of a workload; {@code connections} is required by all but burst. */
  static Shape read(Section workload) {
    String name = workload.string("shape");
    return switch (name) {
      case "sustained" -> new Sustained(workload.rate("rate"), workload.duration("duration"));
      case "spike" -> new Spike(workload.rate("base-rate"), workload.rate("peak-rate"),
          workload.duration("base-duration"), workload.duration("peak-duration"));
      case "stress" -> readStress(workload);
      case "burst" -> new Burst(workload.positiveInt("concurrency"), workload.duration("interval"), workload.duration("duration"));
      case "workers" -> new Workers(workload.positiveInt("workers"), workload.duration("duration"));
      case "worker-stress" -> readWorkerStress(workload);
      case "scaling" -> readScaling(workload);
      default -> throw workload.error("shape", "one of sustained, spike, stress, burst, workers, worker-stress, scaling");
    };
  }

  private static Stress readStress(Section workload) {
    Rate start = workload.rate("start-rate");
    Rate end = workload.rate("end-rate");
    if (end.perSecond() < start.perSecond()) {
      throw workload.error("end-rate", "at least start-rate (" + start + ")");
    }
    return new Stress(start, end, workload.duration("duration"), workload.positiveInt("steps"), workload.rate("knee"));
  }

  private static WorkerStress readWorkerStress(Section workload) {
    int start = workload.positiveInt("start-workers");
    int end = workload.positiveInt("end-workers");
    if (end < start) {
      throw workload.error("end-workers", "at least start-workers (" + start + ")");
    }
    return new WorkerStress(start, end, workload.duration("duration"), workload.positiveInt("steps"), workload.positiveInt("knee"));
  }

  private static Scaling readScaling(Section workload) {
    List<Integer> instances = instances(workload);
    Rate start = workload.rate("start-rate");
    Rate end = workload.rate("end-rate");
    if (end.perSecond() < start.perSecond()) {
      throw workload.error("end-rate", "at least start-rate (" + start + ")");
    }
    return new Scaling(instances, start, end, workload.duration("duration"), workload.positiveInt("steps"),
        workload.percent("scaling-efficiency"), 1);
  }

  /**
   * {@code instances}: the counts in turn, {@code [1, 2, 4]}, from 1 up, each above the last; or the
   * most alone, {@code 4}, for 1 and the powers of two below it, then it (1, 2, 4; 6 is 1, 2, 4, 6).
   */
  static List<Integer> instances(Section workload) {
    String expected = "the instance counts in turn from 1, each above the last, at most " + Scaling.MAX_INSTANCES
        + ", such as [1, 2, 4], or the most alone, such as 4 (for 1, 2, 4)";
    List<Integer> given = workload.positiveInts("instances", expected);
    if (given.size() == 1) {
      int most = given.get(0);
      if (most > Scaling.MAX_INSTANCES) {
        throw workload.error("instances", expected);
      }
      List<Integer> counts = new ArrayList<>();
      for (int count = 1; count < most; count *= 2) {
        counts.add(count);
      }
      counts.add(most);
      return counts;
    }
    for (int i = 0; i < given.size(); i++) {
      if ((i == 0 && given.get(0) != 1) || (i > 0 && given.get(i) <= given.get(i - 1)) || given.get(i) > Scaling.MAX_INSTANCES) {
        throw workload.error("instances", expected);
      }
    }
    return given;
  }
}
