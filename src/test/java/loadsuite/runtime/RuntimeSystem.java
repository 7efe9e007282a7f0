package loadsuite.runtime;

import loadsuite.load.Mix;
import loadsuite.runtime.standin.RuntimeStandIn;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/** The request runtime (seed 002, gati): one HTTP service; its workloads are under {@code runtime} in targets.conf. */
public final class RuntimeSystem {
  public static final SystemSpec SPEC = SystemSpec.named("runtime")
      .service(Service.of("runtime", "/health", RuntimeStandIn.class, RuntimeStandIn::start, Service.LocalImage.STAND_IN))
      .workload("sustained", RuntimeSustainedSimulation.class)
      .workload("spike", RuntimeSpikeSimulation.class)
      .workload("stress", RuntimeStressSimulation.class)
      .workload("scaling", RuntimeScalingSimulation.class)
      .workload("concurrency", RuntimeConcurrencySimulation.class)
      .workload("handlers", RuntimeHandlersSimulation.class)
      .workload("queue", RuntimeQueueSimulation.class, RuntimeKeys.Queue::read)
      .workload("mixed", RuntimeMixedSimulation.class, Mix::read)
      .build();

  private RuntimeSystem() {}
}
