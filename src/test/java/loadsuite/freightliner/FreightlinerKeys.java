package loadsuite.freightliner;

import java.time.Duration;
import loadsuite.config.Percent;
import loadsuite.config.Section;
import loadsuite.oci.OciImage;
import loadsuite.registry.ManifestLimit;

/** Freightliner's own workload keys, each read by the workloads that use what they size. */
final class FreightlinerKeys {
  private FreightlinerKeys() {}

  /**
   * {@code layer-count}, {@code layer-size} and {@code tags}: the image the source holds under that many
   * tags, whose manifest the registries (CNCF Distribution) must take ({@link ManifestLimit}).
   */
  record Images(int layerCount, long layerSize, int tags) {
    static Images read(Section workload) {
      long layerSize = workload.size("layer-size");
      return new Images(ManifestLimit.layerCount(workload, layerSize), layerSize, workload.positiveInt("tags"));
    }

    OciImage generate() {
      return OciImage.generate(layerCount, layerSize);
    }
  }

  /**
   * The images, and the jobs: {@code tree-percent} of them {@code replicate-tree} jobs over
   * {@code tree-repositories} repositories, the others {@code replicate} jobs of one tag; each
   * polled every {@code poll-interval} until it ends, for at most {@code job-timeout}.
   */
  record Jobs(Images images, Percent treePercent, int treeRepositories, Duration pollInterval, Duration jobTimeout) {
    static Jobs read(Section workload) {
      Duration pollInterval = workload.duration("poll-interval");
      Duration jobTimeout = workload.duration("job-timeout");
      if (jobTimeout.compareTo(pollInterval) < 0) {
        throw workload.error("job-timeout", "at least poll-interval (" + pollInterval.toMillis() + "ms)");
      }
      return new Jobs(Images.read(workload), workload.percent("tree-percent"), workload.positiveInt("tree-repositories"), pollInterval,
          jobTimeout);
    }

    /** How many polls fit in the job time-out. */
    int maxPolls() {
      return (int) Math.max(1, jobTimeout.toNanos() / pollInterval.toNanos());
    }
  }
}
