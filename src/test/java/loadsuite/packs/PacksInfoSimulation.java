package loadsuite.packs;

import loadsuite.suite.Load;

/** {@code ggen pack info}: a version's details, cold (of a pack not asked for before) or warm. */
public class PacksInfoSimulation extends PacksSimulation {
  public PacksInfoSimulation() {
    load(Load.of("Show a version, cold and warm",
            warmUp -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.info(warmUp, true), packs.info(warmUp, false)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(packsKeys.cold(), 0, 0, false))));
  }
}
