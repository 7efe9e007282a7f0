package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.runtime.RuntimeRequests.CREATE_USER;
import static loadsuite.runtime.RuntimeRequests.GET_USER;
import static loadsuite.runtime.RuntimeRequests.createUser;
import static loadsuite.runtime.RuntimeRequests.getUser;

import java.util.List;

/** Mixed reads and writes: GET /users/{id} and POST /users, in the share of writes of targets.conf. */
public class RuntimeMixedSimulation extends RuntimeSimulation {
  public RuntimeMixedSimulation() {
    double writes = plan("mixed").workload().requireWritePercent().value();
    run("mixed", "Read and write users", List.of(GET_USER, CREATE_USER),
        warmUp -> randomSwitch().on(
            percent(100 - writes).then(exec(silentIf(warmUp, getUser()))),
            percent(writes).then(exec(silentIf(warmUp, createUser())))));
  }
}
