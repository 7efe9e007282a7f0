package loadsuite.packs;

import loadsuite.suite.Load;

/**
 * {@code ggen pack update} of one pack: the index re-read with {@code If-None-Match}, a pack with a
 * newer version resolved from it, downloaded and checked by SHA-256, as the group {@code update};
 * the stand-in publishes new versions every {@code publish-interval}.
 */
public class PacksUpdateSimulation extends PacksSimulation {
  public PacksUpdateSimulation() {
    load(Load.of("Update a pack: the index re-read, a newer version downloaded", packs::update)
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand(0, 0, 0, true))));
  }
}
