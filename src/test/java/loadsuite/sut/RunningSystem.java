package loadsuite.sut;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A system under test as running for one simulation: each of its services with its own base URL,
 * in the order the system declares them. Closing it stops every service the suite started, the
 * last started first, each even when another fails to stop.
 */
public final class RunningSystem implements AutoCloseable {
  private final String system;
  private final Map<String, RunningService> services;

  public RunningSystem(String system, Map<String, RunningService> services) {
    this.system = system;
    this.services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  /** The first service's base URL: what the HTTP protocol's base URL is. */
  public String baseUrl() {
    return services.values().iterator().next().baseUrl();
  }

  public String baseUrl(String service) {
    return service(service).baseUrl();
  }

  /** How one service was obtained: {@code embedded}, {@code external} or {@code container}. */
  public String mode(String service) {
    return service(service).mode();
  }

  private RunningService service(String service) {
    RunningService running = services.get(service);
    if (running == null) {
      throw new IllegalArgumentException(system + " has no service " + service + "; it has " + services.keySet());
    }
    return running;
  }

  /** How each service was obtained, by service name. */
  public Map<String, String> modes() {
    Map<String, String> modes = new LinkedHashMap<>();
    services.forEach((name, service) -> modes.put(name, service.mode()));
    return modes;
  }

  /** Each service's base URL, by service name (and each frontend of a balanced service, by {@link BalancedService#urlName}). */
  public Map<String, String> baseUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    services.forEach((name, service) -> urls.putAll(service.urls(name)));
    return urls;
  }

  /** The mode of the services, or {@code mixed} when some are external and others not. */
  public String mode() {
    List<String> modes = services.values().stream().map(RunningService::mode).distinct().toList();
    return modes.size() == 1 ? modes.get(0) : "mixed";
  }

  public String description() {
    return services.values().stream().map(RunningService::description).collect(Collectors.joining("; "));
  }

  /** The resource probes of the containers the suite started. */
  public List<ResourceProbes> probes() {
    List<ResourceProbes> probes = new ArrayList<>();
    services.values().forEach(s -> s.probes().ifPresent(probes::add));
    return probes;
  }

  @Override
  public void close() {
    stopAll(new ArrayList<>(services.values()));
  }

  /** Stops services, the last first; a failure to stop one does not keep the others running. */
  public static void stopAll(List<RunningService> started) {
    RuntimeException first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
