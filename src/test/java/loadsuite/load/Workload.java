package loadsuite.load;

import java.time.Duration;
import loadsuite.config.Percent;
import loadsuite.config.Section;

/**
 * The load of one workload of targets.conf: how many connections, how long a warm-up, which
 * shape, and the options some workloads take (messages per request, share of writes).
 */
public record Workload(String path, int connections, Duration warmUp, Shape shape, int batchSize, Percent writePercent) {

  public static Workload read(Section section) {
    Shape shape = Shape.read(section);
    int connections = shape instanceof Shape.Burst burst ? burst.concurrency() : section.positiveInt("connections");
    Duration warmUp = section.nonNegativeDuration("warm-up");
    int batchSize = section.has("batch-size") ? section.positiveInt("batch-size") : 1;
    Percent writePercent = section.has("write-percent") ? section.percent("write-percent") : null;
    if (shape instanceof Shape.Burst && section.has("connections")) {
      throw section.error("connections", "left out: a burst shape opens one connection per concurrent request (concurrency)");
    }
    return new Workload(section.path(), connections, warmUp, shape, batchSize, writePercent);
  }

  public RateSchedule schedule() {
    return shape.schedule(warmUp);
  }

  /** The share of writes; a workload that mixes reads and writes must set it. */
  public Percent requireWritePercent() {
    if (writePercent == null) {
      throw new loadsuite.config.TargetsException("missing key '" + path + ".write-percent': expected a percentage such as 20%");
    }
    return writePercent;
  }
}
