package loadsuite.packs;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static loadsuite.packs.PacksRequests.Cache.COLD;
import static loadsuite.packs.PacksRequests.Cache.WARM;
import static loadsuite.packs.PacksRequests.coldOrWarm;

import java.util.function.Supplier;
import loadsuite.suite.Load;

/**
 * 10 to 20 users doing everything the other workloads do, each iteration one operation drawn with
 * the weights of {@code mix} (the seed's throughput targets: list 100, search 50, install 5 per
 * second), list, search, show and info cold in {@code cold-percent} of their iterations.
 */
public class PacksMixedSimulation extends PacksSimulation {
  private static final String OPERATION = "packsOperation";

  public PacksMixedSimulation() {
    PacksKeys.Mix mix = packsKeys.mix();
    double cold = packsKeys.cold();
    load(Load.of("List, search, show, info, install and journeys in the seed's proportions",
            () -> {
              Supplier<String> operations = mix.operations();
              return exec(session -> session.set(OPERATION, operations.get())).doSwitch("#{" + OPERATION + "}").on(
                  onCase("list").then(coldOrWarm(cold, packs.listIndex(), packs.listIndexWarm())),
                  onCase("search").then(coldOrWarm(cold, packs.search(COLD), packs.search(WARM))),
                  onCase("show").then(coldOrWarm(cold, packs.show(COLD), packs.show(WARM))),
                  onCase("info").then(coldOrWarm(cold, packs.info(COLD), packs.info(WARM))),
                  onCase("install").then(packs.install()),
                  onCase("journey").then(packs.journey()));
            })
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand((mix.share(mix.show()) + mix.share(mix.info())) * cold,
            mix.share(mix.search()) * cold, mix.share(mix.journey()), true))));
  }
}
