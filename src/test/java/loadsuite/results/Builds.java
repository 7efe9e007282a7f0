package loadsuite.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;

/**
 * Runs grouped by system and by the build they belong to ({@link RunSummary#build()}): the verdict
 * of each system in each nightly build, for the suite page.
 */
final class Builds {
  /** One build: its tag, when its first run started, and its verdict per system (systems without runs in it absent). */
  record Build(String tag, String start, Map<String, String> verdicts) {
    String verdict() {
      return worst(verdicts.values());
    }
  }

  private Builds() {}

  /** The system of a simulation class: its system's name, else its package's last part. */
  static String system(String simulation) {
    return SystemCatalog.ofSimulation(simulation).map(SystemSpec::name).orElseGet(() -> {
      String pkg = simulation.contains(".") ? simulation.substring(0, simulation.lastIndexOf('.')) : "";
      return pkg.substring(pkg.lastIndexOf('.') + 1);
    });
  }

  /** The systems in the suite's order, then any other. */
  static List<String> systems(Collection<String> present) {
    List<String> ordered = new ArrayList<>(SystemCatalog.all().stream().map(SystemSpec::name).filter(present::contains).toList());
    present.stream().filter(s -> !ordered.contains(s)).sorted().forEach(ordered::add);
    return ordered;
  }

  /** passed when every status is passed; else failed when one is; else incomplete. */
  static String worst(Collection<String> statuses) {
    if (statuses.stream().allMatch(RunSummary.PASSED::equals)) {
      return RunSummary.PASSED;
    }
    return statuses.contains(RunSummary.FAILED) ? RunSummary.FAILED : RunSummary.INCOMPLETE;
  }

  /** The builds of {@code runs} (each run once, however often it is stored), newest first; runs of no build are left out. */
  static List<Build> of(Collection<RunSummary> runs) {
    Map<String, RunSummary> unique = new LinkedHashMap<>();
    runs.stream().filter(r -> r.build() != null && r.start() != null).forEach(r -> unique.put(r.simulation() + "@" + r.start(), r));
    Map<String, List<RunSummary>> byBuild = unique.values().stream().collect(Collectors.groupingBy(RunSummary::build));
    return byBuild.entrySet().stream().map(e -> {
      Map<String, List<String>> statuses = e.getValue().stream().collect(Collectors.groupingBy(r -> system(r.simulation()), TreeMap::new,
          Collectors.mapping(RunSummary::status, Collectors.toList())));
      Map<String, String> verdicts = new LinkedHashMap<>();
      statuses.forEach((system, ofSystem) -> verdicts.put(system, worst(ofSystem)));
      String start = e.getValue().stream().map(RunSummary::start).min(String::compareTo).orElseThrow();
      return new Build(e.getKey(), start, verdicts);
    }).sorted(Comparator.comparing(Build::start).reversed()).toList();
  }
}
