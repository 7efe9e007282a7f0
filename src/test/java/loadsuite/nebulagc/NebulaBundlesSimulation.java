package loadsuite.nebulagc;

/** Bundle downloads (seed 004: 1 MB bundles at > 100 req/s), at a steady rate, of a bundle uploaded before the load. */
public class NebulaBundlesSimulation extends NebulaSimulation {
  public NebulaBundlesSimulation() {
    load(bundleDownloads("Downloads of the cluster's bundle", keys(NebulaKeys.Bundles.class)));
  }
}
