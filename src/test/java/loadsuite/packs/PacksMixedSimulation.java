package loadsuite.packs;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
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
            warmUp -> {
              Supplier<String> operations = mix.operations();
              return exec(session -> session.set(OPERATION, operations.get())).doSwitch("#{" + OPERATION + "}").on(
                  onCase("list").then(coldOrWarm(cold, packs.listIndex(warmUp), packs.listIndexWarm(warmUp))),
                  onCase("search").then(coldOrWarm(cold, packs.search(warmUp, true), packs.search(warmUp, false))),
                  onCase("show").then(coldOrWarm(cold, packs.show(warmUp, true), packs.show(warmUp, false))),
                  onCase("info").then(coldOrWarm(cold, packs.info(warmUp, true), packs.info(warmUp, false))),
                  onCase("install").then(packs.install(warmUp)),
                  onCase("journey").then(packs.journey(warmUp)));
            })
        .preparing(catalog.preparation(workload(), new PacksCatalog.Demand((mix.share(mix.show()) + mix.share(mix.info())) * cold,
            mix.share(mix.search()) * cold, mix.share(mix.journey()), true))));
  }
}
