package loadsuite.nebulagc;

/** Concurrent bundle downloads (seed 004: 50 at once): bursts of simultaneous downloads of a bundle uploaded before the load. */
public class NebulaConcurrentDownloadsSimulation extends NebulaSimulation {
  public NebulaConcurrentDownloadsSimulation() {
    load(bundleDownloads("Simultaneous downloads of the cluster's bundle", keys(NebulaKeys.Bundles.class)));
  }
}
