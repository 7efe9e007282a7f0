package loadsuite.packs;

import static loadsuite.packs.PacksKeys.Key.COLD_AFTER;
import static loadsuite.packs.PacksKeys.Key.COLD_PERCENT;
import static loadsuite.packs.PacksKeys.Key.MIX;
import static loadsuite.packs.PacksKeys.Key.PUBLISH_INTERVAL;

import java.util.Map;

import loadsuite.packs.standin.PacksStandIn;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/**
 * The packs registry and marketplace (seed 001, ggen): one HTTP service, the registry's
 * {@code index.json} and the marketplace API; its workloads are under {@code packs} in targets.conf.
 * The embedded stand-in makes a registry of the workload's {@code registry-size} packs; on the
 * update workload, it and the stand-in's container publish a new version every {@code publish-interval}.
 */
public final class PacksSystem {
  public static final SystemSpec SPEC = SystemSpec.named("packs")
      .service(new Service("packs", "/health", PacksStandIn.class,
          (host, port, workload) -> PacksStandIn.start(host, port, options(workload.keys(PacksKeys.class))),
          Service.LocalImage.STAND_IN)
          .withContainerEnv(workload -> containerEnv(workload.keys(PacksKeys.class))))
      .workload("list", PacksListSimulation.class, PacksKeys.reading(COLD_PERCENT))
      .workload("search", PacksSearchSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER))
      .workload("show", PacksShowSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER))
      .workload("info", PacksInfoSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER))
      .workload("install", PacksInstallSimulation.class, PacksKeys.reading())
      .workload("journey", PacksJourneySimulation.class, PacksKeys.reading(COLD_AFTER))
      .workload("mixed", PacksMixedSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER, MIX))
      .workload("update", PacksUpdateSimulation.class, PacksKeys.reading(PUBLISH_INTERVAL))
      .build();

  private static PacksStandIn.Options options(PacksKeys keys) {
    PacksStandIn.Options options = PacksStandIn.Options.defaults().withRegistrySize(keys.registrySize());
    return keys.publishInterval() == null ? options : options.withPublishInterval(keys.publishInterval());
  }

  /** The image's registry is its own size (the block's {@code PACKS_REGISTRY_SIZE}); the workload's publishing is passed on. */
  private static Map<String, String> containerEnv(PacksKeys keys) {
    return keys.publishInterval() == null ? Map.of()
        : Map.of("PACKS_PUBLISH_INTERVAL_MS", String.valueOf(keys.publishInterval().toMillis()));
  }

  private PacksSystem() {}
}
