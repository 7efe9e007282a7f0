package loadsuite.system;

import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;

/**
 * Everything the shared code knows of one system under test, declared in the system's own
 * package: its name (its key in targets.conf), its services, and its workloads with their
 * simulations and keys. {@code loadsuite.Systems} lists them all.
 */
public record SystemSpec(String name, List<Service> services, Map<String, WorkloadSpec> workloads) {

  public SystemSpec {
    services = List.copyOf(services);
    workloads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(workloads));
    if (services.isEmpty()) {
      throw new IllegalArgumentException(name + " declares no service");
    }
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The service that the HTTP protocol's base URL points at: the first one declared. */
  public Service primary() {
    return services.get(0);
  }

  public boolean hasOneService() {
    return services.size() == 1;
  }

  public Service service(String service) {
    return services.stream().filter(s -> s.name().equals(service)).findFirst()
        .orElseThrow(() -> new TargetsException("the " + name + " system has no service '" + service + "'; it has "
            + String.join(", ", serviceNames())));
  }

  public List<String> serviceNames() {
    return services.stream().map(Service::name).toList();
  }

  /** How a service is named in logs, reports and container blocks: the system's name, with the service's when it has several. */
  public String label(Service service) {
    return hasOneService() ? name : name + " " + service.name();
  }

  /** The key of a service's block under {@code sut.container}: {@code registry}, or {@code freightliner.source}. */
  public String containerKey(Service service) {
    return hasOneService() ? name : name + "." + service.name();
  }

  public WorkloadSpec workload(String workload, Section where) {
    WorkloadSpec spec = workloads.get(workload);
    if (spec == null) {
      throw new TargetsException(where.path() + ": the " + name + " system has no workload '" + workload
          + "' (no simulation runs it); its workloads are " + String.join(", ", workloads.keySet()));
    }
    return spec;
  }

  /** The workload a simulation class runs. */
  public Optional<WorkloadSpec> workloadOf(Class<?> simulation) {
    return workloads.values().stream().filter(w -> w.simulation().equals(simulation)).findFirst();
  }

  public List<Class<? extends Simulation>> simulations() {
    return workloads.values().stream().<Class<? extends Simulation>>map(WorkloadSpec::simulation).toList();
  }

  /** Declares a system in the order its parts are read. */
  public static final class Builder {
    private final String name;
    private final List<Service> services = new ArrayList<>();
    private final Map<String, WorkloadSpec> workloads = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder service(Service service) {
      services.add(service);
      return this;
    }

    /** A workload with no keys of its own. */
    public Builder workload(String workload, Class<? extends Simulation> simulation) {
      return workload(workload, simulation, WorkloadSpec.NO_KEYS);
    }

    /** A workload whose own keys {@code keys} reads (and so allows). */
    public Builder workload(String workload, Class<? extends Simulation> simulation, Function<Section, ?> keys) {
      if (workloads.put(workload, new WorkloadSpec(workload, simulation, keys)) != null) {
        throw new IllegalArgumentException(name + " declares the workload " + workload + " twice");
      }
      return this;
    }

    public SystemSpec build() {
      return new SystemSpec(name, services, workloads);
    }
  }
}
