package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.Interleave.branch;
import static loadsuite.runtime.RuntimeRequests.createUser;
import static loadsuite.runtime.RuntimeRequests.getUser;

import loadsuite.load.Interleave;
import loadsuite.load.Mix;
import loadsuite.suite.Load;

/** Mixed reads and writes: GET /users/{id} and POST /users, in the share of writes of targets.conf. */
public class RuntimeMixedSimulation extends RuntimeSimulation {
  public RuntimeMixedSimulation() {
    Mix mix = keys(Mix.class);
    load(Load.of("Read and write users",
        () -> Interleave.of(
            branch(mix.reads(), exec(getUser())),
            branch(mix.writes(), exec(createUser())))));
  }
}
