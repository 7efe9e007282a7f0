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
   * A staircase from the start rate to the end rate; each step's requests are grouped under its
   * rate, so the report shows where latency and errors break (the knee).
   */
  record Stress(Rate startRate, Rate endRate, Duration duration, int steps, Rate knee) implements Shape {
    @Override
    public RateSchedule schedule(Duration warmUp) {
      List<Step> levels = new ArrayList<>();
      Duration each = duration.dividedBy(steps);
      for (double rate : levelRates()) {
        levels.add(new Step(each, rate, rate, false, levelName(rate)));
      }
      return new RateSchedule(levels).withWarmUp(warmUp);
    }

    public List<Double> levelRates() {
      List<Double> rates = new ArrayList<>();
      double start = startRate.perSecond();
      double increment = steps == 1 ? 0 : (endRate.perSecond() - start) / (steps - 1);
      for (int i = 0; i < steps; i++) {
        rates.add((double) Math.round(start + increment * i));
      }
      return rates;
    }

    /** The levels that must meet the goals: all below the knee goal, and the first at or above it. */
    public List<Double> levelsUpToKnee() {
      List<Double> gated = new ArrayList<>();
      for (double rate : levelRates()) {
        gated.add(rate);
        if (rate >= knee.perSecond()) {
          break;
        }
      }
      return gated;
    }

    public static String levelName(double rate) {
      return "level " + Math.round(rate) + "/s";
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
      default -> throw workload.error("shape", "one of sustained, spike, stress, burst");
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
}
