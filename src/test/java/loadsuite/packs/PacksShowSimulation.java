package loadsuite.packs;

import static loadsuite.packs.PacksRequests.Cache.COLD;
import static loadsuite.packs.PacksRequests.Cache.WARM;

import loadsuite.suite.Load;

/** {@code ggen pack show}: a pack's details, cold (a pack not asked for before) or warm (one asked for again and again). */
public class PacksShowSimulation extends PacksSimulation {
  public PacksShowSimulation() {
    load(Load.of("Show a pack, cold and warm",
            () -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.show(COLD), packs.show(WARM)))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(packsKeys.cold(), 0, 0, false))));
  }
}
