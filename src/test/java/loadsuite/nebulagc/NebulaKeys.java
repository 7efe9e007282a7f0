package loadsuite.nebulagc;

import java.time.Duration;
import java.util.function.Function;
import loadsuite.config.Section;
import loadsuite.load.Mix;
import loadsuite.load.Shape;
import loadsuite.nebulagc.standin.RateLimits;
import loadsuite.system.PlannedPreparation;

/**
 * NebulaGC's own workload keys. Every workload has its fleet ({@link FleetPlan}: {@code nodes},
 * {@code client-addresses}, {@code rate-limits}, all optional); those that download bundles have
 * {@code bundle-size}; the pollers {@code upload-interval}; the mix {@code write-percent}.
 */
final class NebulaKeys {
  private NebulaKeys() {}

  /** The keys of a workload of {@code traffic} with nothing else of its own: its fleet. */
  static Function<Section, FleetPlan> fleet(Traffic traffic) {
    return workload -> FleetPlan.read(workload, traffic);
  }

  /** The fleet, and {@code bundle-size}: each bundle uploaded before the load (and downloaded, or answered 304). */
  record Bundles(FleetPlan fleet, long bundleSize) implements PlannedPreparation {
    @Override
    public Duration preparation() {
      return fleet.preparation();
    }

    static Function<Section, Bundles> read(Traffic traffic) {
      return workload -> new Bundles(FleetPlan.read(workload, traffic), boundedBundleSize(workload));
    }
  }

  /** {@code bundle-size}, at most what the server takes: a larger one would be refused in the preparation. */
  private static long boundedBundleSize(Section workload) {
    long size = workload.size("bundle-size");
    if (size > NebulaBundle.MAX_SIZE) {
      throw workload.error("bundle-size", "at most 10MiB, the largest bundle the NebulaGC server takes");
    }
    return size;
  }

  /**
   * The pollers' fleet and {@code bundle-size}, and {@code upload-interval}: how often an admin uploads
   * a new bundle during the measured window. A poller's period is connections / rate, so the shape must
   * be sustained, and at least one upload and its detection must fit in the duration.
   */
  record Pollers(FleetPlan fleet, long bundleSize, Duration uploadInterval) implements PlannedPreparation {
    @Override
    public Duration preparation() {
      return fleet.preparation();
    }

    static Pollers read(Section workload) {
      FleetPlan fleet = FleetPlan.read(workload, Traffic.POLL);
      if (!(Shape.read(workload) instanceof Shape.Sustained sustained)) {
        throw workload.error("shape", "sustained for the pollers: each polls at a steady period (connections / rate)");
      }
      Duration interval = workload.duration("upload-interval");
      Duration period = UpdateDetection.period(fleet.connections(), sustained.rate().perSecond());
      if (UpdateDetection.plannedUploads(sustained.duration(), interval, period) == 0) {
        throw workload.error("upload-interval", "short enough that an upload, its detection by every poller (within "
            + UpdateDetection.DEADLINE_PERIODS + " poll periods of " + period.toMillis() + " ms) and one more poll fit in the duration ("
            + sustained.duration().toMillis() + " ms)");
      }
      return new Pollers(fleet, boundedBundleSize(workload), boundedUploadInterval(workload, interval));
    }
  }

  /**
   * {@code upload-interval}, long enough that the one admin node that uploads stays under
   * {@link FleetPlan#SHARE} of the server's per-node limit on {@code /config}
   * ({@code config_endpoints.Use(middleware.RateLimitByNode(10.0, 20))}, server/internal/api/router.go
   * line 147), unless {@code rate-limits = exceed}: past it the server answers 429.
   */
  private static Duration boundedUploadInterval(Section workload, Duration interval) {
    RateLimits.Limit config = RateLimits.DEFAULT.config();
    Duration shortest = Duration.ofNanos(Math.round(1e9 / (FleetPlan.SHARE * config.perSecond())));
    if (interval.compareTo(shortest) < 0 && !FleetPlan.exceed(workload)) {
      throw workload.error("upload-interval", "at least " + shortest.toMillis() + "ms (or rate-limits = exceed): the admin node"
          + " that uploads may send " + Math.round(config.perSecond()) + "/s on /config, the NebulaGC server's limit per node, and"
          + " the load plans for " + Math.round(FleetPlan.SHARE * 100) + " % of it");
    }
    return interval;
  }

  /** The fleet of a mix of reads and writes, and {@code write-percent}: the share of route updates. */
  record Mixed(FleetPlan fleet, Mix mix) implements PlannedPreparation {
    @Override
    public Duration preparation() {
      return fleet.preparation();
    }

    static Mixed read(Section workload) {
      Mix mix = Mix.read(workload);
      return new Mixed(FleetPlan.read(workload, Traffic.mixed(mix.writes() / 100)), mix);
    }
  }
}
