package loadsuite.suite;

import java.time.Duration;
import loadsuite.config.Targets;
import loadsuite.container.ContainerSettings;
import loadsuite.load.Workload;
import loadsuite.sut.SutMode;
import loadsuite.system.PlannedPreparation;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;

/**
 * How long one simulation's run is planned to take at the chosen profile, from targets.conf alone:
 * its load (warm-up and measured window, the soak duration included), the preparation its keys plan
 * (NebulaGC's nodes), and at most how long its start and end may add: in container mode each
 * service's ready-timeout, and the time allowed for the last answers.
 */
public record PlannedRun(String simulation, String system, Duration load, Duration preparation, Duration allowance) {
  /** What {@code SuiteSimulation} allows past the planned end for the last answers (Gatling's maxDuration). */
  static final Duration DRAIN = Duration.ofSeconds(15);

  public static PlannedRun of(Targets targets, String simulation) {
    SystemSpec system = SystemCatalog.ofSimulation(simulation).orElseThrow(
        () -> new IllegalArgumentException(simulation + " is no simulation of the suite"));
    String workloadName = system.workloads().values().stream().filter(w -> w.simulation().getName().equals(simulation))
        .findFirst().orElseThrow().name();
    Workload workload = Suite.plan(targets, system, workloadName).workload();
    Duration preparation = workload.keys() instanceof PlannedPreparation planned ? planned.preparation() : Duration.ZERO;
    Duration startup = SutMode.parse(targets.sut().string("mode")) == SutMode.CONTAINER
        ? ContainerSettings.read(targets.sut().section("container")).readyTimeout().multipliedBy(system.services().size())
        : Duration.ZERO;
    return new PlannedRun(simulation, system.name(), workload.schedule().duration(), preparation, startup.plus(DRAIN));
  }

  /** The planned time: load and preparation. */
  public Duration planned() {
    return load.plus(preparation);
  }

  /** At most: the planned time with the allowance of start and end. */
  public Duration atMost() {
    return planned().plus(allowance);
  }
}
