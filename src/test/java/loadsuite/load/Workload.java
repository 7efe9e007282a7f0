package loadsuite.load;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import loadsuite.config.Section;

/**
 * The load of one workload of targets.conf: the keys every workload shares (shape, connections,
 * warm-up, messages per request) and the keys its own system reads ({@link #keys(Class)}).
 */
public record Workload(String path, int connections, Duration warmUp, Shape shape, int batchSize, Object keys) {

  /**
   * Reads the shared keys and, with {@code systemKeys}, the system's own; with a soak duration,
   * every sustained shape is held that long.
   */
  public static Workload read(Section section, Function<Section, ?> systemKeys, Optional<Duration> soakDuration) {
    Shape shape = Shape.read(section);
    if (shape instanceof Shape.Sustained sustained && soakDuration.isPresent()) {
      shape = new Shape.Sustained(sustained.rate(), soakDuration.get());
    }
    int connections;
    String openedBy;
    if (shape instanceof Shape.Burst burst) {
      connections = burst.concurrency();
      openedBy = "a burst shape opens one connection per concurrent request (concurrency)";
    } else if (shape instanceof Shape.Workers workers) {
      connections = workers.workers();
      openedBy = "a workers shape opens one connection per worker (workers)";
    } else if (shape instanceof Shape.WorkerStress stress) {
      connections = stress.endWorkers();
      openedBy = "a worker-stress shape opens one connection per worker of its last level (end-workers)";
    } else {
      connections = section.positiveInt("connections");
      openedBy = null;
    }
    if (openedBy != null && section.has("connections")) {
      throw section.error("connections", "left out: " + openedBy);
    }
    Duration warmUp = section.nonNegativeDuration("warm-up");
    int batchSize = section.has("batch-size") ? section.positiveInt("batch-size") : 1;
    return new Workload(section.path(), connections, warmUp, shape, batchSize, systemKeys.apply(section));
  }

  /** The workload's key under its system: {@code push} of {@code registry.push}. */
  public String name() {
    return path.substring(path.lastIndexOf('.') + 1);
  }

  public RateSchedule schedule() {
    return shape.schedule(warmUp);
  }

  /** The workload's own keys, as its system's spec read them. */
  public <T> T keys(Class<T> type) {
    if (!type.isInstance(keys)) {
      throw new IllegalStateException(path + " has keys " + (keys == null ? "none" : keys.getClass().getSimpleName())
          + ", not " + type.getSimpleName() + ": its system's spec declares another key reader for it");
    }
    return type.cast(keys);
  }
}
