package loadsuite.nebulagc;

import loadsuite.nebulagc.standin.NebulaStandIn;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/**
 * NebulaGC (seed 004), the config server of a Nebula mesh: one service, its stand-in started with
 * this run's tokens; its workloads are under {@code nebulagc} in targets.conf.
 */
public final class NebulaSystem {
  static final String NAME = "nebulagc";

  public static final SystemSpec SPEC = SystemSpec.named(NAME)
      .service(new Service(NAME, "/health/live", NebulaStandIn.class,
          (host, port, workload) -> NebulaStandIn.start(host, port, NebulaCredentials.EMBEDDED.standInOptions()),
          Service.LocalImage.STAND_IN))
      .workload("version", NebulaVersionSimulation.class, NebulaKeys.fleet(Traffic.ONE_CONFIG_REQUEST))
      .workload("bundles", NebulaBundlesSimulation.class, NebulaKeys.Bundles.read(Traffic.ONE_CONFIG_REQUEST))
      .workload("concurrent-downloads", NebulaConcurrentDownloadsSimulation.class, NebulaKeys.Bundles.read(Traffic.ONE_CONFIG_REQUEST))
      .workload("pollers", NebulaPollersSimulation.class, NebulaKeys.Pollers::read)
      .workload("nodes", NebulaNodesSimulation.class, NebulaKeys.fleet(Traffic.NODE_CRUD))
      .workload("topology", NebulaTopologySimulation.class, NebulaKeys.fleet(Traffic.TOPOLOGY))
      .workload("mixed", NebulaMixedSimulation.class, NebulaKeys.Mixed::read)
      .workload("connections", NebulaConnectionsSimulation.class, NebulaKeys.Bundles.read(Traffic.POLL))
      .build();

  private NebulaSystem() {}
}
