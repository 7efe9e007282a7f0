package loadsuite.sut;

import java.util.Map;
import java.util.Optional;

/** One running service of a system under test; closing it stops what the suite started. */
public interface RunningService extends AutoCloseable {
  /** The base URL of its HTTP API, such as {@code http://127.0.0.1:41234}. */
  String baseUrl();

  /** Its base URLs in the session by name: its own as {@code name}; a balanced service's frontends too. */
  default Map<String, String> urls(String name) {
    return Map.of(name, baseUrl());
  }

  /** How it was obtained: {@code embedded}, {@code external} or {@code container}. */
  String mode();

  /** What it is, for the run's log and report: mode, system, address. */
  String description();

  /** Its startup time and memory, measured only for a container this suite started. */
  default Optional<ResourceProbes> probes() {
    return Optional.empty();
  }

  @Override
  void close();
}
