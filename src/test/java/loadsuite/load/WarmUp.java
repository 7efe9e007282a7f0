package loadsuite.load;

import java.util.function.Supplier;

/**
 * Which of a run's two chains is being built. A simulation's iteration is built twice: the measured
 * chain ({@link NamedRequests#collect}) and, inside {@link #build}, the warm-up chain the
 * connections send while the schedule is in its warm-up. The warm-up chain sends the same requests
 * and groups, logged as the measured ones are so that the warm-up runs the same code, in the
 * warm-up's group ({@link loadsuite.log.MeasuredWindow#WARM_UP_GROUP}), which every figure, report
 * and goal leaves out; nothing is timed in it ({@link Timings#record} gives no action).
 *
 * <p>The scope is the building thread's while {@link #build} runs: Gatling's builders are immutable
 * and a simulation builds its chains in its constructor, on one thread. What a session function
 * builds as the load runs is outside it, and must not depend on it.
 */
public final class WarmUp {
  private static final ThreadLocal<Boolean> BUILDING = ThreadLocal.withInitial(() -> false);

  private WarmUp() {}

  /** What {@code chain} builds as the warm-up's. */
  public static <T> T build(Supplier<T> chain) {
    BUILDING.set(true);
    try {
      return chain.get();
    } finally {
      BUILDING.remove();
    }
  }

  /** Whether the chain being built is the warm-up's: for the rare iteration whose warm-up sends less than its measured chain. */
  public static boolean building() {
    return BUILDING.get();
  }
}
