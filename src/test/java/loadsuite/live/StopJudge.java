package loadsuite.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Judges the stop criteria once a second on the live figures of the last seconds (as they
 * arrive from the log), from the first measured response on: the first criterion whose whole
 * window has passed and whose figure over it is past its threshold stops the run.
 */
final class StopJudge {
  private final List<StopCriterion> criteria;
  private final int longest;
  private final Deque<LiveFigures.Second> seconds = new ArrayDeque<>();
  private final Consumer<CriterionStop> onStop;
  private boolean measuring;
  private CriterionStop stop;

  StopJudge(List<StopCriterion> criteria, Consumer<CriterionStop> onStop) {
    this.criteria = List.copyOf(criteria);
    this.longest = criteria.stream().mapToInt(c -> (int) c.window().toSeconds()).max().orElse(0);
    this.onStop = onStop;
  }

  /** Adds the second that just ended and judges; once stopped, judges no more. */
  synchronized void judge(LiveFigures.Second second, Instant now) {
    if (stop != null) {
      return;
    }
    measuring |= second.requests() > 0;
    if (!measuring) {
      return;
    }
    seconds.addFirst(second);
    while (seconds.size() > longest) {
      seconds.removeLast();
    }
    for (StopCriterion criterion : criteria) {
      int window = (int) criterion.window().toSeconds();
      if (seconds.size() >= window) {
        double figure = criterion.figure(seconds.stream().limit(window).toList());
        if (criterion.broken(figure)) {
          stop = new CriterionStop(criterion, figure, now);
          onStop.accept(stop);
          return;
        }
      }
    }
  }

  synchronized Optional<CriterionStop> stop() {
    return Optional.ofNullable(stop);
  }
}
