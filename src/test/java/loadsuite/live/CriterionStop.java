package loadsuite.live;

import java.time.Instant;

/** A run stopped by a stop criterion: which, its figure over the window, and when. */
public record CriterionStop(StopCriterion criterion, double figure, Instant at) {
  /** One line: what stopped the run, the figure and when. */
  public String describe() {
    return "stopped by stop-when " + criterion + ": " + criterion.describe(figure) + " over the last " + criterion.window().toSeconds()
        + " s, at " + at;
  }
}
