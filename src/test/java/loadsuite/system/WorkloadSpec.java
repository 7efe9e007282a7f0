package loadsuite.system;

import io.gatling.javaapi.core.Simulation;
import java.util.function.Function;
import loadsuite.config.Section;

/**
 * A workload of a system: its key in targets.conf, the simulation that runs it, and how its own
 * keys (beyond the shared shape, connections, warm-up, batch-size and goals) are read and checked.
 * A key the reader does not ask for is refused as unknown.
 */
public record WorkloadSpec(String name, Class<? extends Simulation> simulation, Function<Section, ?> keys) {
  /** A workload with no keys of its own. */
  public static final Function<Section, ?> NO_KEYS = section -> NoKeys.INSTANCE;

  /** What {@link #NO_KEYS} reads. */
  public enum NoKeys { INSTANCE }
}
