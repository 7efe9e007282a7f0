package loadsuite.packs;

import static loadsuite.packs.PacksRequests.Cache.COLD;
import static loadsuite.packs.PacksRequests.Cache.WARM;

import loadsuite.suite.Load;

/** {@code ggen pack info}: a version's details, cold (of a pack not asked for before) or warm. */
public class PacksInfoSimulation extends PacksSimulation {
  public PacksInfoSimulation() {
    load(Load.of("Show a version, cold and warm",
            () -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.info(COLD), packs.info(WARM)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(packsKeys.cold(), 0, 0, false))));
  }
}
