package loadsuite.results;

import java.util.List;
import java.util.Locale;
import loadsuite.sut.ResourceProbes;
import loadsuite.sut.RunningSystem;

/** The resource probes of a run for its summary, and their goals judged, like the latency goals. */
final class ProbeResults {
  private static final String ORIGIN = "targets.conf sut.container";
  /** The rate a memory goal per 1000 req/s grants at the least: its first 1000 req/s. */
  private static final double PER_RATE_FLOOR = 1000;

  private ProbeResults() {}

  static List<RunSummary.Probes> summary(RunningSystem sut) {
    List<ResourceProbes> probes = sut.probes();
    if (probes.isEmpty()) {
      String why = "container".equals(sut.mode())
          // a scaling workload's containers: one container's memory over the rate of all would say nothing
          ? "container mode: startup time and memory are not measured for instances behind the suite's load balancer"
          : sut.mode() + " mode: startup time and memory are measured only for a container the suite starts (-Dsut.mode=container)";
      return List.of(new RunSummary.Probes(null, false, why, null, null, null, null, null));
    }
    return probes.stream().map(p -> new RunSummary.Probes(p.label(), true, null, p.image(), p.startup().toNanos() / 1e6,
        p.idleMemoryBytes(), p.peakMemoryBytes(), p.samples())).toList();
  }

  /** The probes' goals, judged; {@code achievedPerSecond} is the rate the run achieved, for a memory goal per 1000 req/s. */
  static List<RunSummary.GoalResult> goals(RunningSystem sut, double achievedPerSecond) {
    return sut.probes().stream().flatMap(p -> judge(p, achievedPerSecond).stream()).toList();
  }

  static List<RunSummary.GoalResult> judge(ResourceProbes p, double achievedPerSecond) {
    var goals = p.goals();
    double startupMs = p.startup().toNanos() / 1e6;
    String peak = mib(p.peakMemoryBytes()) + " (highest of " + p.samples() + " samples)";
    List<RunSummary.GoalResult> results = new java.util.ArrayList<>(List.of(
        result(p, "startup", goals.startupText(), startupMs, startupMs < goals.startup().toNanos() / 1e6,
            String.format(Locale.ROOT, "%.0f ms", startupMs)),
        result(p, "idle-memory", goals.idleMemoryText(), p.idleMemoryBytes(), p.idleMemoryBytes() < goals.idleMemoryBytes(),
            mib(p.idleMemoryBytes()))));
    if (goals.peakMemoryBytes() != null) {
      results.add(result(p, "peak-memory", goals.peakMemoryText(), p.peakMemoryBytes(), p.peakMemoryBytes() < goals.peakMemoryBytes(), peak));
    }
    if (goals.memoryPer1000RpsBytes() != null) {
      // The goal allows its amount for every 1000 req/s, and for the first 1000 whatever the rate: a
      // run at 200 req/s may use what a run at 1000 may, not a fifth of it (below which no process's
      // base memory fits). No rate achieved: no figure per 1000 req/s, and no verdict that could pass.
      double thousands = Math.max(achievedPerSecond, PER_RATE_FLOOR) / 1000;
      double perThousand = achievedPerSecond > 0 ? p.peakMemoryBytes() / thousands : Double.POSITIVE_INFINITY;
      String rate = String.format(Locale.ROOT, "%.0f req/s achieved", achievedPerSecond)
          + (achievedPerSecond > 0 && achievedPerSecond < PER_RATE_FLOOR ? ", counted as the goal's first 1000 req/s" : "");
      results.add(result(p, "memory-per-1000rps", goals.memoryPer1000RpsText(), perThousand, perThousand < goals.memoryPer1000RpsBytes(),
          String.format(Locale.ROOT, "%s (peak %s at %s)", mib((long) Math.min(perThousand, Long.MAX_VALUE)), peak, rate)));
    }
    return results;
  }

  private static RunSummary.GoalResult result(ResourceProbes p, String metric, String threshold, double actual, boolean met,
      String measured) {
    String of = metric + " of the " + p.label() + " container";
    return new RunSummary.GoalResult(of + " < " + threshold, RunSummary.CONTAINER_SCOPE, metric, threshold, actual, met,
        of + " was " + measured + "; goal < " + threshold, ORIGIN, null);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  /** The console lines of the probes, one per container. */
  static String render(List<RunSummary.Probes> probes) {
    StringBuilder out = new StringBuilder();
    for (RunSummary.Probes p : probes) {
      out.append(p.measured()
          ? String.format(Locale.ROOT, "container %s: startup %.0f ms, memory idle %s, peak %s (%d samples)%n",
              p.image(), p.startupMs(), mib(p.idleMemoryBytes()), mib(p.peakMemoryBytes()), p.samples())
          : "container probes: not measured (" + p.reason() + ")\n");
    }
    return out.toString();
  }
}
