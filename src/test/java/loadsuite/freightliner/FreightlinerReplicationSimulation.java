package loadsuite.freightliner;

/**
 * Replication throughput: workers copy images from the source registry to the destination back to
 * back, each copy a group whose time is the replication latency; goals on MB/s and registry calls.
 */
public class FreightlinerReplicationSimulation extends FreightlinerSimulation {
  public FreightlinerReplicationSimulation() {
    load(imageCopies());
  }
}
