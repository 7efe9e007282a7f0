package loadsuite.results;

import java.util.List;
import loadsuite.load.Shape;

/**
 * The console summary of a finished run, from its summary: planned against achieved rate over
 * the measured window (Gatling's own "mean throughput" divides by the whole run, warm-up
 * included), the response times of every request, each stress level and the knee.
 */
public final class RunReport {
  private RunReport() {}

  public static String render(RunSummary summary) {
    StringBuilder out = new StringBuilder();
    double seconds = summary.measuredSeconds();
    out.append(String.format("%n---- %s: measured window %.0f s, warm-up excluded ----%n", summary.workload(), seconds));
    if (RunSummary.INCOMPLETE.equals(summary.status())) {
      out.append("INCOMPLETE: ").append(summary.reason()).append('\n');
    }
    long planned = summary.planned().iterations();
    if (planned == 0) {
      // only a closed schedule (workers) plans nothing: its rate is what the workers achieved
      out.append("planned  none: workers start each iteration as the last ends\n");
    } else {
      out.append(String.format("planned  %8d iterations = %9.1f/s%n", planned, summary.planned().perSecond()));
    }
    long achieved = summary.achieved() == null ? 0 : summary.achieved().iterations();
    if (summary.achieved() != null) {
      out.append(String.format("achieved %8d iterations = %9.1f/s%s%n", achieved, summary.achieved().perSecond(),
          planned == 0 ? "" : String.format(" (%.1f %% of planned)", 100.0 * achieved / planned)));
    }
    if (summary.global() != null && achieved > 0) {
      out.append(String.format("requests %8d, %.2f per iteration%n", summary.global().count(), (double) summary.global().count() / achieved));
    }
    out.append(String.format("%-40s %9s %8s %7s %7s %7s %7s %7s%n", "request", "count", "failed", "p50", "p75", "p95", "p99", "max"));
    if (summary.global() != null) {
      row(out, summary.global());
    }
    summary.requests().forEach(request -> row(out, request));
    for (RunSummary.Transfer transfer : summary.transfers()) {
      out.append(String.format(java.util.Locale.ROOT, "data: %s %.1f MB/s = %.1f MiB/s (%d bytes each)%n",
          transfer.request(), transfer.mibPerSecond() * (1 << 20) / 1e6, transfer.mibPerSecond(), transfer.bytesPerRequest()));
    }
    if (summary.schedule() != null) {
      out.append(ScheduleResults.render(summary.schedule()));
    }
    if (summary.probes() != null && !summary.probes().isEmpty()) {
      out.append(ProbeResults.render(summary.probes()));
    }
    if (summary.generator() != null) {
      out.append(GeneratorResults.render(summary.generator()));
    }
    if (summary.held() != null) {
      out.append(HeldStrip.render(summary.held()));
    }
    if (summary.knee() != null) {
      out.append(summary.knee());
    }
    if (!summary.baseline().isEmpty()) {
      String source = summary.goals().stream().map(RunSummary.GoalResult::origin).filter(o -> o.startsWith("baseline "))
          .findFirst().orElse("baseline ").substring("baseline ".length());
      out.append(Baseline.render(java.nio.file.Path.of(source), summary.baseline()));
    }
    return out.toString();
  }

  /** The knee line of a staircase's report. */
  static String knee(Shape.Staircase staircase, List<Verdict> verdictsOfAllLevels) {
    Knee knee = Knee.of(staircase, verdictsOfAllLevels);
    if (knee.missedAt() != null) {
      return String.format("knee: %s (goal at least %s); missed at %s: %s%n",
          knee.level() == null ? "none, the first level already missed its goals" : knee.level().label(),
          staircase.kneeText(), knee.missedAt().label(), String.join("; ", knee.missed()));
    }
    return String.format("knee: at least %s, the highest level tried: every level met its goals (goal at least %s)%n",
        knee.level().label(), staircase.kneeText());
  }

  /**
   * A staircase's knee: the highest level that, with every level below it, met all its goals
   * ({@code level}, null when the first missed), and the first level that missed one and how
   * ({@code missedAt} null when none did: the knee is at least the highest level tried).
   */
  record Knee(Shape.Staircase.Level level, Shape.Staircase.Level missedAt, List<String> missed) {
    static Knee of(Shape.Staircase staircase, List<Verdict> verdictsOfAllLevels) {
      Shape.Staircase.Level knee = null;
      for (Shape.Staircase.Level level : staircase.levels()) {
        String prefix = level.name() + " / ";
        List<String> missed = verdictsOfAllLevels.stream()
            .filter(v -> v.goalAssertion().scope().startsWith(prefix) && !v.met())
            .map(Verdict::message)
            .toList();
        if (!missed.isEmpty()) {
          return new Knee(knee, level, missed);
        }
        knee = level;
      }
      return new Knee(knee, null, List.of());
    }
  }

  private static void row(StringBuilder out, RunSummary.RequestStats s) {
    out.append(String.format("%-40s %9d %7.2f%% %5dms %5dms %5dms %5dms %5dms%n",
        s.path(), s.count(), s.failedPercent(), s.p50(), s.p75(), s.p95(), s.p99(), s.max()));
  }
}
