package loadsuite.packs;

import static loadsuite.load.Interleave.branch;
import static loadsuite.packs.PacksRequests.Cache.COLD;
import static loadsuite.packs.PacksRequests.Cache.WARM;
import static loadsuite.packs.PacksRequests.coldOrWarm;

import loadsuite.load.Interleave;
import loadsuite.suite.Load;

/**
 * 10 to 20 users doing everything the other workloads do, each iteration one operation in turn in
 * the weights of {@code mix} (the seed's throughput targets: list 100, search 50, install 5 per
 * second), list, search, show and info cold in {@code cold-percent} of their iterations.
 */
public class PacksMixedSimulation extends PacksSimulation {
  public PacksMixedSimulation() {
    PacksKeys.Mix mix = packsKeys.mix();
    double cold = packsKeys.cold();
    load(Load.of("List, search, show, info, install and journeys in the seed's proportions",
            () -> Interleave.of(
                branch(mix.list(), coldOrWarm(cold, packs.listIndex(), packs.listIndexWarm())),
                branch(mix.search(), coldOrWarm(cold, packs.search(COLD), packs.search(WARM))),
                branch(mix.show(), coldOrWarm(cold, packs.show(COLD), packs.show(WARM))),
                branch(mix.info(), coldOrWarm(cold, packs.info(COLD), packs.info(WARM))),
                branch(mix.install(), packs.install()),
                branch(mix.journey(), packs.journey())))
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand((mix.share(mix.show()) + mix.share(mix.info())) * cold,
            mix.share(mix.search()) * cold, mix.share(mix.journey()), true))));
  }
}
