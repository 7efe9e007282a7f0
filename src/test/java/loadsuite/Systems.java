package loadsuite;

import java.util.List;
import loadsuite.freightliner.FreightlinerSystem;
import loadsuite.packs.PacksSystem;
import loadsuite.nebulagc.NebulaSystem;
import loadsuite.registry.RegistrySystem;
import loadsuite.runtime.RuntimeSystem;
import loadsuite.config.TargetsException;
import loadsuite.suite.SimulationSet;
import loadsuite.suite.Suite;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;

/**
 * Every system of the suite, in one list: the only class that knows them all. Shared code reaches
 * it as a {@link SystemCatalog} (META-INF/services), never by importing a system's package.
 *
 * <p>{@code ./mvnw -q test-compile exec:java@simulations} prints every simulation class;
 * {@code -Dsimulations=RuntimeSustainedSimulation,…} (short or full names, systems, {@code all},
 * {@code soak}: {@link SimulationSet}) prints those, or stops with the known names when one is
 * unknown. The Jenkinsfile uses it.
 */
public final class Systems implements SystemCatalog {
  private static final List<SystemSpec> ALL = List.of(RuntimeSystem.SPEC, RegistrySystem.SPEC, PacksSystem.SPEC,
      FreightlinerSystem.SPEC, NebulaSystem.SPEC);

  @Override
  public List<SystemSpec> systems() {
    return ALL;
  }

  public static void main(String[] args) {
    try {
      SimulationSet.resolve(System.getProperties(), Suite::targets).forEach(System.out::println);
    } catch (TargetsException e) {
      System.err.println(e.getMessage());
      System.exit(64);
    }
  }
}
