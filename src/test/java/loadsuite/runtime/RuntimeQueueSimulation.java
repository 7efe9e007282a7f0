package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.runtime.RuntimeRequests.PUBLISH;
import static loadsuite.runtime.RuntimeRequests.publish;

import java.util.List;

/** Queue publishing (seed 002): batches of messages to the queue fabric, above 10k messages/s. */
public class RuntimeQueueSimulation extends RuntimeSimulation {
  public RuntimeQueueSimulation() {
    int batchSize = plan("queue").workload().batchSize();
    run("queue", "Publish batches of " + batchSize + " messages", List.of(PUBLISH),
        warmUp -> exec(silentIf(warmUp, publish(batchSize))));
  }
}
