package loadsuite.packs;

import loadsuite.suite.Load;

/** {@code ggen pack list}: the whole index.json, cold (no copy: the whole document) or warm (If-None-Match: 304). */
public class PacksListSimulation extends PacksSimulation {
  public PacksListSimulation() {
    load(Load.of("List every pack, cold and warm",
            () -> PacksRequests.coldOrWarm(packsKeys.cold(), packs.listIndex(), packs.listIndexWarm()))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(0, 0, 0, true))));
  }
}
