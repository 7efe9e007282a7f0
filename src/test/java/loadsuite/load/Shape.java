package loadsuite.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** The knee goal, in the unit of the levels' magnitude. */
    double kneeGoal();

    /** The knee goal as written: {@code 5000/s}, {@code 50 workers}. */
    String kneeText();

    default double levelSeconds() {
      return duration().toNanos() / 1e9 / levels().size();
    }

    /** The levels that must meet the goals: all below the knee goal, and the first at or above it. */
    default List<Level> levelsUpToKnee() {
      List<Level> gated = new ArrayList<>();
      for (Level level : levels()) {
        gated.add(level);
        if (level.magnitude() >= kneeGoal()) {
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
  record Stress(Rate startRate, Rate endRate, Duration duration, int steps, Rate knee, double share) implements Staircase {
    public Stress(Rate startRate, Rate endRate, Duration duration, int steps, Rate knee) {
      this(startRate, endRate, duration, steps, knee, 1);
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
          .map(rate -> new Level(levelName(rate), rate + "/s", rate, Math.round(rate * share * seconds)))
          .toList();
    }

    @Override
    public double kneeGoal() {
      return knee.perSecond();
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
    public double kneeGoal() {
      return knee;
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
      default -> throw workload.error("shape", "one of sustained, spike, stress, burst, workers, worker-stress");
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
}
