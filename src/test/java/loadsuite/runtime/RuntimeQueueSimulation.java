package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.runtime.RuntimeRequests.publish;

import loadsuite.suite.Load;

/** Queue publishing (seed 002): batches of messages to the queue fabric, above 10k messages/s. */
public class RuntimeQueueSimulation extends RuntimeSimulation {
  public RuntimeQueueSimulation() {
    int batchSize = workload().batchSize();
    load(Load.of("Publish batches of " + batchSize + " messages",
        () -> exec(publish(batchSize))));
  }
}
