package loadsuite.system;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import loadsuite.config.TargetsException;

/**
 * Every system of the suite. Its one implementation, {@code loadsuite.Systems}, is found through
 * {@link ServiceLoader} (META-INF/services), so that the shared packages that need the list
 * (validation of targets.conf, the image builder) never import a system's package.
 */
public interface SystemCatalog {
  List<SystemSpec> systems();

  static List<SystemSpec> all() {
    List<SystemCatalog> catalogs = ServiceLoader.load(SystemCatalog.class).stream().map(ServiceLoader.Provider::get).toList();
    if (catalogs.size() != 1) {
      throw new IllegalStateException("expected one SystemCatalog (loadsuite.Systems, named in"
          + " META-INF/services/loadsuite.system.SystemCatalog), found " + catalogs.size());
    }
    return catalogs.get(0).systems();
  }

  /** The system whose simulation {@code simulationClass} (a full class name) is, if any. */
  static java.util.Optional<SystemSpec> ofSimulation(String simulationClass) {
    return all().stream().filter(s -> s.simulations().stream().anyMatch(c -> c.getName().equals(simulationClass))).findFirst();
  }

  static SystemSpec named(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new TargetsException("unknown system '" + name + "'; the suite knows "
            + all().stream().map(SystemSpec::name).collect(Collectors.joining(", "))));
  }
}
