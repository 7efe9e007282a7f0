package loadsuite;

import java.util.List;
import loadsuite.freightliner.FreightlinerSystem;
import loadsuite.packs.PacksSystem;
import loadsuite.nebulagc.NebulaSystem;
import loadsuite.registry.RegistrySystem;
import loadsuite.runtime.RuntimeSystem;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;

/**
 * Every system of the suite, in one list: the only class that knows them all. Shared code reaches
 * it as a {@link SystemCatalog} (META-INF/services), never by importing a system's package.
 *
 * <p>{@code ./mvnw -q test-compile exec:java@simulations} prints every simulation class;
 * {@code -Dsimulations=RuntimeSustainedSimulation,…} (short or full names, or {@code all}) prints
 * those, or stops with the known names when one is unknown. The Jenkinsfile uses it.
 */
public final class Systems implements SystemCatalog {
  private static final List<SystemSpec> ALL = List.of(RuntimeSystem.SPEC, RegistrySystem.SPEC, PacksSystem.SPEC,
      FreightlinerSystem.SPEC, NebulaSystem.SPEC);

  @Override
  public List<SystemSpec> systems() {
    return ALL;
  }

  public static void main(String[] args) {
    List<String> known = ALL.stream().flatMap(s -> s.simulations().stream()).map(Class::getName).toList();
    String asked = System.getProperty("simulations", "all").trim();
    if (asked.isEmpty() || asked.equals("all")) {
      known.forEach(System.out::println);
      return;
    }
    for (String name : asked.split("[,\\s]+")) {
      List<String> matches = known.stream().filter(k -> k.equals(name) || k.endsWith("." + name)).toList();
      if (matches.size() != 1) {
        System.err.println("unknown simulation '" + name + "'; the suite has " + String.join(", ",
            known.stream().map(k -> k.substring(k.lastIndexOf('.') + 1)).toList()) + " (or all)");
        System.exit(64);
      }
      System.out.println(matches.get(0));
    }
  }
}
