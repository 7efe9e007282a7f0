package loadsuite.live;

import java.time.Duration;
import java.time.Instant;

/** A run stopped by a stop criterion: which, its figure over the window, when, and how far into the measured window. */
public record CriterionStop(StopCriterion criterion, double figure, Instant at, Duration intoMeasured) {
  /** One line: what stopped the run, the figure and when. */
  public String describe() {
    return "stopped by stop-when " + criterion + ": " + criterion.describe(figure) + " over the last " + criterion.window().toSeconds()
        + " s, at " + at + " (" + intoMeasured.toSeconds() + " s into the measured window)";
  }
}
