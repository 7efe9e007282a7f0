package loadsuite.load;

import loadsuite.config.Percent;
import loadsuite.config.Section;

/** The keys of a workload that mixes reads and writes: {@code write-percent}, the share of writes. */
public record Mix(Percent writePercent) {
  public static Mix read(Section workload) {
    return new Mix(workload.percent("write-percent"));
  }

  public double writes() {
    return writePercent.value();
  }

  public double reads() {
    return 100 - writePercent.value();
  }
}
