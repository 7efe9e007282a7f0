package loadsuite.load;

import java.time.Duration;
import loadsuite.config.Percent;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;

/**
 * The load of one workload of targets.conf: how many connections, how long a warm-up, which
 * shape, and the options some workloads take (messages per request, share of writes, sizes of
 * the blobs and image layers a registry workload sends). An option a workload does not set is null.
 */
public record Workload(String path, int connections, Duration warmUp, Shape shape, int batchSize, Percent writePercent,
    Long blobSize, Long layerSize, Integer layerCount) {

  public static Workload read(Section section) {
    Shape shape = Shape.read(section);
    int connections = shape instanceof Shape.Burst burst ? burst.concurrency() : section.positiveInt("connections");
    Duration warmUp = section.nonNegativeDuration("warm-up");
    int batchSize = section.has("batch-size") ? section.positiveInt("batch-size") : 1;
    Percent writePercent = section.has("write-percent") ? section.percent("write-percent") : null;
    Long blobSize = section.has("blob-size") ? section.size("blob-size") : null;
    Long layerSize = section.has("layer-size") ? section.size("layer-size") : null;
    Integer layerCount = section.has("layer-count") ? section.positiveInt("layer-count") : null;
    if (shape instanceof Shape.Burst && section.has("connections")) {
      throw section.error("connections", "left out: a burst shape opens one connection per concurrent request (concurrency)");
    }
    return new Workload(section.path(), connections, warmUp, shape, batchSize, writePercent, blobSize, layerSize, layerCount);
  }

  public RateSchedule schedule() {
    return shape.schedule(warmUp);
  }

  /** The share of writes; a workload that mixes reads and writes must set it. */
  public Percent requireWritePercent() {
    return require(writePercent, "write-percent", "a percentage such as 20%");
  }

  /** The size in bytes of the blobs a workload uploads or downloads. */
  public long requireBlobSize() {
    return require(blobSize, "blob-size", "a size such as 1MiB");
  }

  /** The size in bytes of each layer of the image a workload pushes or pulls. */
  public long requireLayerSize() {
    return require(layerSize, "layer-size", "a size such as 1MiB");
  }

  /** How many layers the image a workload pushes or pulls has. */
  public int requireLayerCount() {
    return require(layerCount, "layer-count", "a whole number above zero such as 3");
  }

  private <T> T require(T value, String key, String expected) {
    if (value == null) {
      throw new TargetsException("missing key '" + path + "." + key + "': expected " + expected);
    }
    return value;
  }
}
