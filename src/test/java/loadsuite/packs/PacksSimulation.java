package loadsuite.packs;

import loadsuite.suite.SuiteSimulation;

/** A simulation of the packs system (seed 001), with its workload's keys and the run's catalog and requests. */
abstract class PacksSimulation extends SuiteSimulation {
  final PacksKeys packsKeys;
  final PacksCatalog catalog;
  final PacksRequests packs;

  PacksSimulation() {
    super(PacksSystem.SPEC);
    packsKeys = keys(PacksKeys.class);
    catalog = new PacksCatalog(packsKeys.coldAfter());
    packs = new PacksRequests(catalog);
  }
}
