package loadsuite.packs;

import static loadsuite.packs.PacksKeys.Key.COLD_AFTER;
import static loadsuite.packs.PacksKeys.Key.COLD_PERCENT;
import static loadsuite.packs.PacksKeys.Key.MIX;

import loadsuite.packs.standin.PacksStandIn;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/**
 * The packs registry and marketplace (seed 001, ggen): one HTTP service, the registry's
 * {@code index.json} and the marketplace API; its workloads are under {@code packs} in targets.conf.
 * The embedded stand-in makes a registry of the workload's {@code registry-size} packs.
 */
public final class PacksSystem {
  public static final SystemSpec SPEC = SystemSpec.named("packs")
      .service(new Service("packs", "/health", PacksStandIn.class,
          (host, port, workload) -> PacksStandIn.start(host, port,
              PacksStandIn.Options.defaults().withRegistrySize(workload.keys(PacksKeys.class).registrySize())),
          Service.LocalImage.STAND_IN))
      .workload("list", PacksListSimulation.class, PacksKeys.reading(COLD_PERCENT))
      .workload("search", PacksSearchSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER))
      .workload("show", PacksShowSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER))
      .workload("info", PacksInfoSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER))
      .workload("install", PacksInstallSimulation.class, PacksKeys.reading())
      .workload("journey", PacksJourneySimulation.class, PacksKeys.reading(COLD_AFTER))
      .workload("mixed", PacksMixedSimulation.class, PacksKeys.reading(COLD_PERCENT, COLD_AFTER, MIX))
      .build();

  private PacksSystem() {}
}
