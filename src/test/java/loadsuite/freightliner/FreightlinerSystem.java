package loadsuite.freightliner;

import loadsuite.freightliner.standin.FreightlinerStandIn;
import loadsuite.registry.RegistrySystem;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/**
 * Freightliner (seed 003), registry replication: three services, its job API ({@code freightliner
 * serve}) and the source and destination registries it copies between (the registry stand-in
 * embedded, CNCF Distribution in container mode); workloads under {@code freightliner} in targets.conf.
 */
public final class FreightlinerSystem {
  static final String NAME = "freightliner";
  /** The key the job API stand-in asks for in {@code X-API-Key} when the suite starts it embedded. */
  static final String EMBEDDED_API_KEY = "loadsuite-freightliner-embedded";
  private static final int EMBEDDED_WORKERS = 10;

  public static final SystemSpec SPEC = SystemSpec.named(NAME)
      .service(Service.of("api", "/health", FreightlinerStandIn.class,
          (host, port) -> FreightlinerStandIn.start(host, port, new FreightlinerStandIn.Options(EMBEDDED_API_KEY, EMBEDDED_WORKERS)),
          Service.LocalImage.STAND_IN))
      .service(RegistrySystem.registry(FreightlinerRequests.SOURCE))
      .service(RegistrySystem.registry(FreightlinerRequests.DESTINATION))
      .workload("replication", FreightlinerReplicationSimulation.class, FreightlinerKeys.Images::read)
      .workload("workers", FreightlinerWorkersSimulation.class, FreightlinerKeys.Images::read)
      .workload("jobs", FreightlinerJobsSimulation.class, FreightlinerKeys.Jobs::read)
      .workload("availability", FreightlinerAvailabilitySimulation.class)
      .build();

  private FreightlinerSystem() {}
}
