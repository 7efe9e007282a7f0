package loadsuite.suite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;

/**
 * Which simulations a command runs, named as Gatling's Maven plugin names them
 * ({@code -Dgatling.simulationClass=}, or {@code -Dgatling.includes=} and {@code -Dgatling.excludes=}
 * with its patterns: {@code *} any characters, {@code ?} one) or by the suite's
 * {@code -Dsimulations=}: short or full class names, system names ({@code nebulagc}), {@code all}, or
 * {@code soak} (the profile's {@code soak-workloads}). In the suite's order of systems and workloads.
 */
public final class SimulationSet {
  public static final String PROPERTY = "simulations";
  static final String SIMULATION_CLASS = "gatling.simulationClass";
  static final String INCLUDES = "gatling.includes";
  static final String EXCLUDES = "gatling.excludes";
  private static final String ALL = "all";
  private static final String SOAK = "soak";

  private SimulationSet() {}

  /**
   * The set the properties name; every simulation when they name none. An unknown name is a
   * {@link TargetsException}; {@code targets} is read only for {@code soak}.
   */
  public static List<String> resolve(Properties properties, Supplier<Targets> targets) {
    String names = properties.getProperty(PROPERTY, "").strip();
    if (!names.isEmpty()) {
      return byNames(names, targets);
    }
    String simulationClass = properties.getProperty(SIMULATION_CLASS, "").strip();
    if (!simulationClass.isEmpty()) {
      return byNames(simulationClass, targets);
    }
    List<String> included = byPatterns(properties.getProperty(INCLUDES, ""), INCLUDES, all());
    List<String> excluded = byPatterns(properties.getProperty(EXCLUDES, ""), EXCLUDES, List.of());
    List<String> set = included.stream().filter(s -> !excluded.contains(s)).toList();
    if (set.isEmpty()) {
      throw new TargetsException("-D" + EXCLUDES + " leaves no simulation of -D" + INCLUDES + ": loosen the exclusion");
    }
    return set;
  }

  /** Every simulation class of the suite, system by system. */
  public static List<String> all() {
    return SystemCatalog.all().stream().flatMap(s -> s.simulations().stream()).map(Class::getName).toList();
  }

  private static List<String> byNames(String names, Supplier<Targets> targets) {
    Set<String> set = new LinkedHashSet<>();
    for (String name : names.split("[,\\s]+")) {
      set.addAll(byName(name, targets));
    }
    return List.copyOf(set);
  }

  private static List<String> byName(String name, Supplier<Targets> targets) {
    if (name.equals(ALL)) {
      return all();
    }
    if (name.equals(SOAK)) {
      return soaked(targets.get());
    }
    for (SystemSpec system : SystemCatalog.all()) {
      if (system.name().equals(name)) {
        return system.simulations().stream().map(Class::getName).toList();
      }
    }
    List<String> matches = all().stream().filter(k -> k.equals(name) || k.endsWith("." + name)).toList();
    if (matches.size() != 1) {
      throw new TargetsException("unknown simulation or system '" + name + "': name a system (" + systemNames()
          + "), all, soak, or a simulation: " + String.join(", ", all().stream().map(SimulationSet::simpleName).toList()));
    }
    return matches;
  }

  private static List<String> soaked(Targets targets) {
    List<String> workloads = targets.soakWorkloads();
    if (workloads.isEmpty()) {
      throw new TargetsException("profile '" + targets.profileName() + "' names no " + Targets.SOAK_WORKLOADS
          + ": run the soak set with -Dprofile=soak, or list them in that profile of " + targets.file());
    }
    List<String> set = new ArrayList<>();
    for (String path : workloads) {
      String[] parts = path.split("\\.", 2);
      SystemSpec system = SystemCatalog.named(parts[0]);
      set.add(system.workload(parts[1], targets.workload(parts[0], parts[1])).simulation().getName());
    }
    return set;
  }

  private static List<String> byPatterns(String patterns, String property, List<String> none) {
    if (patterns.isBlank()) {
      return none;
    }
    Set<String> set = new LinkedHashSet<>();
    for (String pattern : patterns.strip().split("\\s*,\\s*")) {
      Pattern glob = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
      List<String> matches = all().stream().filter(s -> glob.matcher(s).matches()).toList();
      if (matches.isEmpty() && property.equals(INCLUDES)) {
        throw new TargetsException("-D" + INCLUDES + " pattern '" + pattern + "' matches no simulation: write it as a class name"
            + " pattern such as loadsuite.nebulagc.* (or name a system: -D" + PROPERTY + "=nebulagc; the systems are " + systemNames() + ")");
      }
      set.addAll(matches);
    }
    return all().stream().filter(set::contains).toList();
  }

  private static String systemNames() {
    return String.join(", ", SystemCatalog.all().stream().map(SystemSpec::name).toList());
  }

  static String simpleName(String simulation) {
    return simulation.substring(simulation.lastIndexOf('.') + 1);
  }
}
