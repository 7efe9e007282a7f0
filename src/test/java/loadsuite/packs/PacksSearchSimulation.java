package loadsuite.packs;

import static loadsuite.packs.PacksRequests.Cache.COLD;
import static loadsuite.packs.PacksRequests.Cache.WARM;

import loadsuite.suite.Load;

/** {@code ggen pack search}: searches of the registry's vocabulary, cold (never sent before) or warm (repeated). */
public class PacksSearchSimulation extends PacksSimulation {
  public PacksSearchSimulation() {
    load(Load.of("Search packs, cold and warm",
            () -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.search(COLD), packs.search(WARM)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(0, packsKeys.cold(), 0, false))));
  }
}
