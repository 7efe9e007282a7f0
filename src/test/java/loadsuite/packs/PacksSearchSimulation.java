package loadsuite.packs;

import loadsuite.suite.Load;

/** {@code ggen pack search}: searches of the registry's vocabulary, cold (never sent before) or warm (repeated). */
public class PacksSearchSimulation extends PacksSimulation {
  public PacksSearchSimulation() {
    load(Load.of("Search packs, cold and warm",
            () -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.search(true), packs.search(false)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(0, packsKeys.cold(), 0, false))));
  }
}
