package loadsuite.packs;

import loadsuite.suite.Load;

/** {@code ggen pack show}: a pack's details, cold (a pack not asked for before) or warm (one asked for again and again). */
public class PacksShowSimulation extends PacksSimulation {
  public PacksShowSimulation() {
    load(Load.of("Show a pack, cold and warm",
            warmUp -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.show(warmUp, true), packs.show(warmUp, false)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(packsKeys.cold(), 0, 0, false))));
  }
}
