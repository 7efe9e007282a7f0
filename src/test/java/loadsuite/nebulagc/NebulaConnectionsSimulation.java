package loadsuite.nebulagc;

import static loadsuite.nebulagc.NebulaRequests.poll;

import java.util.Map;

/**
 * Simultaneous connections (seed 004: > 1000): one keep-alive connection per virtual user, each
 * polling as a daemon does (a version check, then a bundle request with {@code current_version}, 304).
 */
public class NebulaConnectionsSimulation extends NebulaSimulation {
  public NebulaConnectionsSimulation() {
    NebulaKeys.Bundles keys = keys(NebulaKeys.Bundles.class);
    byte[] bundle = NebulaBundle.generate(keys.bundleSize(), 0);
    load(overFleet("Keep-alive connections, each polling", keys.fleet(),
        () -> poll(bundle.length),
        uploading(bundle, version -> Map.of(NebulaRequests.HELD, version))));
  }
}
