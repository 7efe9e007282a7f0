package loadsuite.runtime;

import loadsuite.config.Section;
import loadsuite.runtime.standin.RuntimeStandIn;

/** The runtime's own workload keys: the queue's batch, within what gati's queue fabric holds. */
final class RuntimeKeys {
  private RuntimeKeys() {}

  /**
   * The queue workload's {@code batch-size} (messages per request), at most
   * {@link RuntimeStandIn#MAX_BATCH_MESSAGES}: gati's queue fabric holds 10,000 messages
   * (packages/runtime/src/queue-fabric.ts line 77) and refuses a publish past them (line 97), so a
   * larger batch would be refused (503) at any rate.
   */
  record Queue(int batchSize) {
    static Queue read(Section workload) {
      int batchSize = workload.has("batch-size") ? workload.positiveInt("batch-size") : 1;
      if (batchSize > RuntimeStandIn.MAX_BATCH_MESSAGES) {
        throw workload.error("batch-size", "at most " + RuntimeStandIn.MAX_BATCH_MESSAGES
            + ", the most messages gati's queue fabric holds (its maxQueueDepth)");
      }
      return new Queue(batchSize);
    }
  }
}
