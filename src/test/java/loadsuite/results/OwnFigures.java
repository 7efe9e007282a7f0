package loadsuite.results;

import java.util.List;

/**
 * What the suite measured itself during a run, beside Gatling's log: when it ran, the iterations
 * it achieved, the schedule lag and intended-time latency, the generator's process, the
 * containers' probes, and the verdicts of the goals on these ({@code goals}).
 *
 * @param reason why the run is incomplete; null for a run that ended as planned
 * @param generator the generator's figures, without the signs (they depend on the verdicts)
 */
public record OwnFigures(String start, String end, String reason, long achievedIterations, RunSummary.Schedule schedule,
    RunSummary.Generator generator, List<RunSummary.Probes> probes, List<RunSummary.GoalResult> goals) {

  /** The figures an incomplete summary.json kept, for its recovery from the run's folder. */
  static OwnFigures of(RunSummary stopped) {
    return new OwnFigures(stopped.start(), stopped.end(), stopped.reason(), 0, stopped.schedule(), stopped.generator(),
        stopped.probes(), List.of());
  }

  public boolean stopped() {
    return reason != null;
  }
}
