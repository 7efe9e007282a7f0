package loadsuite.packs;

import loadsuite.suite.Load;

/** {@code ggen pack show}: a pack's details, cold (a pack not asked for before) or warm (one asked for again and again). */
public class PacksShowSimulation extends PacksSimulation {
  public PacksShowSimulation() {
    load(Load.of("Show a pack, cold and warm",
            () -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.show(true), packs.show(false)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(packsKeys.cold(), 0, 0, false))));
  }
}
