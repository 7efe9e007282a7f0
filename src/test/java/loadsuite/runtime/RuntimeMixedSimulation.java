package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.runtime.RuntimeRequests.createUser;
import static loadsuite.runtime.RuntimeRequests.getUser;

import loadsuite.load.Mix;
import loadsuite.suite.Load;

/** Mixed reads and writes: GET /users/{id} and POST /users, in the share of writes of targets.conf. */
public class RuntimeMixedSimulation extends RuntimeSimulation {
  public RuntimeMixedSimulation() {
    Mix mix = keys(Mix.class);
    load(Load.of("Read and write users",
        warmUp -> randomSwitch().on(
            percent(mix.reads()).then(exec(silentIf(warmUp, getUser()))),
            percent(mix.writes()).then(exec(silentIf(warmUp, createUser()))))));
  }
}
