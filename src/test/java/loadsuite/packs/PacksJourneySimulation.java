package loadsuite.packs;

import loadsuite.suite.Load;

/** The seed's first-time user: search, show the first pack found, install it; one group, with goals on each step and on the whole. */
public class PacksJourneySimulation extends PacksSimulation {
  public PacksJourneySimulation() {
    load(Load.of("First-time user: search, show, install", packs::journey)
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(0, 0, 1, false))));
  }
}
