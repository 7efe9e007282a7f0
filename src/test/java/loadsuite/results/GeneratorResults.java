package loadsuite.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loadsuite.goals.Metric;
import loadsuite.load.GeneratorSampler;
import loadsuite.load.GeneratorSampler.Pause;
import loadsuite.load.GeneratorSampler.Sample;
import loadsuite.results.RunSummary.GoalResult;

/**
 * The load generator's own figures over the measured window, and the signs that a run's figures
 * measure the generator rather than the system: fewer iterations than planned, a missed lag
 * goal, a saturated CPU, long GC pauses.
 */
final class GeneratorResults {
  /** Achieved below this share of planned. */
  static final double ACHIEVED_FLOOR = 0.98;
  /** The process's CPU, on average over the measured window, at or above this share of its cores. */
  static final double CPU_SATURATED = 0.90;
  /** One GC pause at least this long. */
  static final long LONG_PAUSE_MS = 100;
  /** GC pauses adding up to at least this share of the measured window. */
  static final double PAUSED_SHARE = 0.05;
  private static final double MIB = 1 << 20;

  private GeneratorResults() {}

  /** The samples from {@code warmUpSeconds} on (the measured window), without signs. */
  static RunSummary.Generator of(GeneratorSampler sampler, double warmUpSeconds) {
    List<Sample> samples = sampler.samples().stream().filter(s -> s.at() >= warmUpSeconds).toList();
    List<Pause> pauses = sampler.pauses().stream().filter(p -> p.at() >= warmUpSeconds).toList();
    int n = samples.size();
    int quarter = Math.max(1, n / 4);
    return new RunSummary.Generator(sampler.cores(), n,
        100 * samples.stream().mapToDouble(Sample::cpu).average().orElse(0),
        100 * samples.stream().mapToDouble(Sample::cpu).max().orElse(0),
        meanHeap(samples.subList(0, Math.min(quarter, n))), meanHeap(samples.subList(Math.max(0, n - quarter), n)),
        samples.stream().mapToLong(Sample::heapUsed).max().orElse(0) / MIB,
        pauses.size(), pauses.stream().mapToLong(Pause::millis).sum(), pauses.stream().mapToLong(Pause::millis).max().orElse(0),
        List.of());
  }

  /** The figures with the signs they show, if any; {@code planned} is empty for a stopped run. */
  static RunSummary.Generator withSigns(RunSummary.Generator g, double measuredSeconds, Optional<RunSummary.Rates> planned,
      long achieved, List<GoalResult> goals) {
    List<String> signs = new ArrayList<>();
    long plannedIterations = planned.map(RunSummary.Rates::iterations).orElse(0L);
    if (plannedIterations > 0 && achieved < ACHIEVED_FLOOR * plannedIterations) {
      signs.add(String.format(Locale.ROOT, "achieved %.1f %% of the planned iterations (below %.0f %%): the connections could not"
          + " send on schedule", 100.0 * achieved / plannedIterations, 100 * ACHIEVED_FLOOR));
    }
    goals.stream().filter(r -> !r.met() && Metric.byKey(r.metric()) != null && Metric.byKey(r.metric()).kind == Metric.Kind.SCHEDULE_LAG)
        .forEach(r -> signs.add("the lag goal was missed: " + r.message()));
    if (g.samples() > 0 && g.cpuMeanPercent() >= 100 * CPU_SATURATED) {
      signs.add(String.format(Locale.ROOT, "the generator's CPU was saturated: %.0f %% of its %d cores on average (at least %.0f %%)",
          g.cpuMeanPercent(), g.cores(), 100 * CPU_SATURATED));
    }
    if (g.gcPauseMaxMs() >= LONG_PAUSE_MS) {
      signs.add(String.format(Locale.ROOT, "a GC pause of the generator lasted %d ms (%d ms or more)", g.gcPauseMaxMs(), LONG_PAUSE_MS));
    }
    if (g.gcPauseTotalMs() >= PAUSED_SHARE * measuredSeconds * 1000) {
      signs.add(String.format(Locale.ROOT, "GC paused the generator %d ms in all, %.1f %% of the measured window (%.0f %% or more)",
          g.gcPauseTotalMs(), g.gcPauseTotalMs() / (10 * measuredSeconds), 100 * PAUSED_SHARE));
    }
    return new RunSummary.Generator(g.cores(), g.samples(), g.cpuMeanPercent(), g.cpuMaxPercent(), g.heapFirstQuarterMiB(),
        g.heapLastQuarterMiB(), g.heapMaxMiB(), g.gcPauses(), g.gcPauseTotalMs(), g.gcPauseMaxMs(), List.copyOf(signs));
  }

  /** What the run report, the JUnit case and the suite page say of a generator-bound run. */
  static String verdict(RunSummary.Generator g) {
    return "THE FIGURES MEASURE THE LOAD GENERATOR, NOT THE SYSTEM: " + String.join("; ", g.boundBy());
  }

  static String render(RunSummary.Generator g) {
    String line = String.format(Locale.ROOT,
        "load generator: CPU %.0f %% of %d cores on average (max %.0f %%), heap %.0f MiB in the first quarter, %.0f MiB in the last"
            + " (max %.0f MiB), %d GC pauses, %d ms in all, the longest %d ms%n",
        g.cpuMeanPercent(), g.cores(), g.cpuMaxPercent(), g.heapFirstQuarterMiB(), g.heapLastQuarterMiB(), g.heapMaxMiB(),
        g.gcPauses(), g.gcPauseTotalMs(), g.gcPauseMaxMs());
    return g.bound() ? line + verdict(g) + "\n" : line;
  }

  private static double meanHeap(List<Sample> samples) {
    return samples.stream().mapToLong(Sample::heapUsed).average().orElse(0) / MIB;
  }
}
