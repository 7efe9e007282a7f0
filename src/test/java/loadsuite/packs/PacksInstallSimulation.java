package loadsuite.packs;

import loadsuite.suite.Load;

/** {@code ggen pack install}: the latest version of any pack, resolved from the index, downloaded and checked by SHA-256. */
public class PacksInstallSimulation extends PacksSimulation {
  public PacksInstallSimulation() {
    load(Load.of("Install a pack", packs::install)
        .preparing(catalog.preparation(workload(), PacksCatalog.Demand.NONE)));
  }
}
