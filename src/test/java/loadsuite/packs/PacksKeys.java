package loadsuite.packs;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import loadsuite.config.Percent;
import loadsuite.config.Section;
import loadsuite.packs.standin.PacksStandIn;

/**
 * The packs workloads' own keys: {@code registry-size} on every one (the packs of the registry the
 * embedded stand-in makes), and, on the workloads that send them, {@code cold-percent} (the share of
 * iterations that ask for something cold), {@code cold-after} (how long after its last request a
 * pack or a query counts as cold again: at least the system's cache TTL), {@code mix} (the mixed
 * workload's weights) and {@code publish-interval} (how often the stand-in publishes a new version,
 * for updates to find). A key a workload does not read is refused as unknown.
 *
 * @param coldPercent null on a workload without cold and warm requests
 * @param coldAfter null on a workload that draws no cold pack or query
 * @param mix null except on the mixed workload
 * @param publishInterval null except on the update workload
 */
record PacksKeys(int registrySize, Percent coldPercent, Duration coldAfter, Mix mix, Duration publishInterval) {

  /** The keys a workload takes besides {@code registry-size}. */
  enum Key { COLD_PERCENT, COLD_AFTER, MIX, PUBLISH_INTERVAL }

  /**
   * The weights of the mixed workload's operations, one iteration each (a journey is three
   * requests); with the workload's {@code rate} equal to their sum, each is sent at its weight per second.
   */
  record Mix(int list, int search, int show, int info, int install, int journey) {
    static Mix read(Section mix) {
      Mix read = new Mix(mix.positiveInt("list"), mix.positiveInt("search"), mix.positiveInt("show"), mix.positiveInt("info"),
          mix.positiveInt("install"), mix.positiveInt("journey"));
      mix.rejectUnknownKeys();
      return read;
    }

    int total() {
      return list + search + show + info + install + journey;
    }

    /** The share of iterations that are {@code weight}. */
    double share(int weight) {
      return (double) weight / total();
    }
  }

  /** A reader of {@code registry-size} and the given keys. */
  static Function<Section, PacksKeys> reading(Key... keys) {
    Set<Key> taken = keys.length == 0 ? EnumSet.noneOf(Key.class) : EnumSet.of(keys[0], keys);
    return section -> new PacksKeys(section.positiveInt("registry-size"),
        taken.contains(Key.COLD_PERCENT) ? section.percent("cold-percent") : null,
        taken.contains(Key.COLD_AFTER) ? section.duration("cold-after") : null,
        taken.contains(Key.MIX) ? Mix.read(section.section("mix")) : null,
        taken.contains(Key.PUBLISH_INTERVAL) ? publishInterval(section) : null);
  }

  /** From 1 ms (the stand-in takes milliseconds) to the stand-in's longest interval. */
  private static Duration publishInterval(Section section) {
    Duration interval = section.duration("publish-interval");
    Duration max = PacksStandIn.Options.MAX_PUBLISH_INTERVAL;
    if (interval.toMillis() < 1 || interval.compareTo(max) > 0) {
      throw section.error("publish-interval", "a duration from 1ms to " + max.toHours() + "h (the stand-in's limits)");
    }
    return interval;
  }

  /** The share of iterations that are cold, 0 to 1. */
  double cold() {
    return coldPercent.fraction();
  }
}
