package loadsuite.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The planned request rate over time, as consecutive steps with a linear rate in each. The
 * paced connections follow it; its integral is the planned request count.
 */
public record RateSchedule(List<Step> steps) {

  /**
   * One step: its rate goes linearly from {@code fromRate} to {@code toRate}, or, in a closed step,
   * {@code workers} connections send back to back and the rest wait. A warm-up step's requests are
   * logged in the warm-up's group and left out of every figure; a step with a group reports its requests under that
   * group's name, as the staircases do with one group per level.
   */
  public record Step(Duration duration, double fromRate, double toRate, boolean warmUp, String group, int workers) {
    public Step(Duration duration, double fromRate, double toRate, boolean warmUp, String group) {
      this(duration, fromRate, toRate, warmUp, group, 0);
    }

    public static Step closed(Duration duration, int workers, boolean warmUp, String group) {
      return new Step(duration, 0, 0, warmUp, group, workers);
    }

    public boolean closed() {
      return workers > 0;
    }

    /** The iterations the step plans: none for a closed step, whose count is what its workers achieve. */
    public double plannedRequests() {
      return (fromRate + toRate) / 2 * duration.toNanos() / 1e9;
    }
  }

  public RateSchedule {
    steps = List.copyOf(steps);
    if (steps.stream().map(Step::closed).distinct().count() > 1) {
      throw new IllegalArgumentException("a schedule is paced or closed, not both: " + steps);
    }
  }

  /** Whether its connections send back to back (workers) rather than at a planned rate. */
  public boolean closed() {
    return steps.get(0).closed();
  }

  /** The offset of the end of {@code step} from the start. */
  public Duration endOf(Step step) {
    Duration end = Duration.ZERO;
    for (Step s : steps) {
      end = end.plus(s.duration());
      if (s == step) {
        return end;
      }
    }
    throw new IllegalArgumentException("not a step of this schedule: " + step);
  }

  public static RateSchedule of(Step... steps) {
    return new RateSchedule(List.of(steps));
  }

  /**
   * The same schedule preceded by a warm-up (left out of the figures) rising from a tenth of its first rate; a closed
   * schedule's warm-up has the workers of its first step.
   */
  public RateSchedule withWarmUp(Duration warmUp) {
    if (warmUp.isZero()) {
      return this;
    }
    Step firstStep = steps.get(0);
    double first = firstStep.fromRate();
    List<Step> all = new ArrayList<>();
    all.add(firstStep.closed() ? Step.closed(warmUp, firstStep.workers(), true, null) : new Step(warmUp, first / 10, first, true, null));
    all.addAll(steps);
    return new RateSchedule(all);
  }

  /** Same, for bursts: the warm-up repeats the bursts at their own rate. */
  public RateSchedule withSteadyWarmUp(Duration warmUp) {
    if (warmUp.isZero()) {
      return this;
    }
    double first = steps.get(0).fromRate();
    List<Step> all = new ArrayList<>();
    all.add(new Step(warmUp, first, first, true, null));
    all.addAll(steps);
    return new RateSchedule(all);
  }

  public Duration duration() {
    return steps.stream().map(Step::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** When the first measured step starts: after the warm-up that opens the schedule. */
  public Duration measuredStart() {
    Duration start = Duration.ZERO;
    for (Step step : steps) {
      if (!step.warmUp()) {
        return start;
      }
      start = start.plus(step.duration());
    }
    return start;
  }

  public Duration measuredDuration() {
    return steps.stream().filter(s -> !s.warmUp()).map(Step::duration).reduce(Duration.ZERO, Duration::plus);
  }

  public double measuredSeconds() {
    return measuredDuration().toNanos() / 1e9;
  }

  /** The planned rate of the measured window, on average. */
  public double plannedMeasuredRate() {
    return plannedMeasuredIterations() / measuredSeconds();
  }

  /** The planned rate of the measured window at {@code elapsed} since the start: none in the warm-up, past the end, or in a closed step. */
  public double measuredRateAt(Duration elapsed) {
    Duration start = Duration.ZERO;
    for (Step step : steps) {
      Duration end = start.plus(step.duration());
      if (elapsed.compareTo(end) < 0) {
        if (step.warmUp() || step.closed()) {
          return 0;
        }
        double into = (double) elapsed.minus(start).toNanos() / step.duration().toNanos();
        return step.fromRate() + (step.toRate() - step.fromRate()) * into;
      }
      start = end;
    }
    return 0;
  }

  /** The step in force at {@code elapsed} since the start (the last one past the end). */
  public Step stepAt(Duration elapsed) {
    Duration start = Duration.ZERO;
    for (Step step : steps) {
      Duration end = start.plus(step.duration());
      if (elapsed.compareTo(end) < 0) {
        return step;
      }
      start = end;
    }
    return steps.get(steps.size() - 1);
  }

  /**
   * The instant by which {@code requests} more requests are planned after {@code from}: the
   * integral of the rate, solved step by step (linear rate, so a quadratic in each step). Past
   * the end, the last rate goes on.
   */
  public Duration advance(Duration from, double requests) {
    double t = from.toNanos() / 1e9;
    double remaining = requests;
    double stepStart = 0;
    for (Step step : steps) {
      double length = step.duration().toNanos() / 1e9;
      double stepEnd = stepStart + length;
      if (t < stepEnd) {
        double slope = (step.toRate() - step.fromRate()) / length;
        double rate = step.fromRate() + slope * (t - stepStart);
        double span = stepEnd - t;
        double available = rate * span + slope * span * span / 2;
        if (available >= remaining) {
          double x = slope == 0 ? remaining / rate : (-rate + Math.sqrt(rate * rate + 2 * slope * remaining)) / slope;
          return Duration.ofNanos(Math.round((t + x) * 1e9));
        }
        remaining -= available;
        t = stepEnd;
      }
      stepStart = stepEnd;
    }
    return Duration.ofNanos(Math.round((t + remaining / steps.get(steps.size() - 1).toRate()) * 1e9));
  }

  /** Iterations planned outside the warm-up (requests, for one request per iteration). */
  public long plannedMeasuredIterations() {
    return Math.round(steps.stream().filter(s -> !s.warmUp()).mapToDouble(Step::plannedRequests).sum());
  }

  public double peakRate() {
    return steps.stream().mapToDouble(s -> Math.max(s.fromRate(), s.toRate())).max().orElse(0);
  }
}
