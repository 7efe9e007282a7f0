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
    out.append(String.format("planned  %8d iterations = %9.1f/s%n", planned, summary.planned().perSecond()));
    long achieved = summary.achieved() == null ? 0 : summary.achieved().iterations();
    if (summary.achieved() != null) {
      out.append(String.format("achieved %8d iterations = %9.1f/s (%.1f %% of planned)%n",
          achieved, summary.achieved().perSecond(), planned == 0 ? 0 : 100.0 * achieved / planned));
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
      out.append(String.format(java.util.Locale.ROOT, "data: %s %.1f MiB/s (%d bytes a request)%n",
          transfer.request(), transfer.mibPerSecond(), transfer.bytesPerRequest()));
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

  /** The highest level that, with every level below it, met all the goals. */
  static String knee(Shape.Stress stress, List<Verdict> verdictsOfAllLevels) {
    Double knee = null;
    for (double rate : stress.levelRates()) {
      String level = Shape.Stress.levelName(rate) + " / ";
      List<String> missed = verdictsOfAllLevels.stream()
          .filter(v -> v.goalAssertion().scope().startsWith(level) && !v.met())
          .map(Verdict::message)
          .toList();
      if (!missed.isEmpty()) {
        return String.format("knee: %s (goal at least %s); missed at %.0f/s: %s%n",
            knee == null ? "none, the first level already missed its goals" : Math.round(knee) + "/s",
            stress.knee(), rate, String.join("; ", missed));
      }
      knee = rate;
    }
    return String.format("knee: at least %.0f/s, the highest level tried: every level met its goals (goal at least %s)%n",
        knee, stress.knee());
  }

  private static void row(StringBuilder out, RunSummary.RequestStats s) {
    out.append(String.format("%-40s %9d %7.2f%% %5dms %5dms %5dms %5dms %5dms%n",
        s.path(), s.count(), s.failedPercent(), s.p50(), s.p75(), s.p95(), s.p99(), s.max()));
  }
}
