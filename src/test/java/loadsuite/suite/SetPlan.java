package loadsuite.suite;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;

/**
 * The plan of a set from targets.conf alone ({@code ./mvnw -q test-compile exec:java@plan}, the set
 * named as for {@link SetRun}): each system's planned time and at most how long, printed to stderr,
 * and on stdout the minutes a build may take to run it, which the Jenkinsfile's timeouts use.
 */
public final class SetPlan {
  /** A run's JVM start, report and summary beyond its plan (minutes of a long soak's log to read). */
  static final Duration PER_RUN = Duration.ofMinutes(2);
  /** Room for a machine slower than planned: a quarter more, and a quarter of an hour. */
  static final Duration SLACK = Duration.ofMinutes(15);

  private SetPlan() {}

  public static void main(String[] args) {
    try {
      Targets targets = Suite.targets();
      List<String> set = SetRun.checked(System.getProperties());
      System.err.println(render(targets, set));
      System.out.println(timeout(plans(targets, set)).toMinutes());
    } catch (TargetsException e) {
      System.err.println("\nSTOPPED: " + e.getMessage() + "\n");
      System.exit(SuiteSimulation.STOPPED_BEFORE_LOAD);
    }
  }

  public static List<PlannedRun> plans(Targets targets, List<String> set) {
    return set.stream().map(s -> PlannedRun.of(targets, s)).toList();
  }

  /** The longest a build may take for these runs: each at most, and its overhead, a quarter more, and the slack; whole minutes. */
  public static Duration timeout(List<PlannedRun> runs) {
    Duration atMost = runs.stream().map(r -> r.atMost().plus(PER_RUN)).reduce(Duration.ZERO, Duration::plus);
    Duration total = atMost.plus(atMost.dividedBy(4)).plus(SLACK);
    return Duration.ofMinutes((total.toSeconds() + 59) / 60);
  }

  /** Per system: runs, load (warm-up and measured), planned preparation, at most; then the set's. */
  static String render(Targets targets, List<String> set) {
    List<PlannedRun> runs = plans(targets, set);
    Map<String, List<PlannedRun>> bySystem = runs.stream().collect(Collectors.groupingBy(PlannedRun::system, TreeMap::new, Collectors.toList()));
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Plan of %d simulations at profile %s, sut.mode %s:%n",
        runs.size(), targets.profileName(), targets.sut().string("mode")));
    text.append(String.format(Locale.ROOT, "  %-14s %4s  %10s  %11s  %10s  %10s%n", "system", "runs", "load", "preparation", "planned", "at most"));
    bySystem.forEach((system, ofSystem) -> text.append(line(system, ofSystem)));
    text.append(line("all", runs));
    text.append(String.format(Locale.ROOT, "  load: warm-up and measured window; preparation: what the workloads plan (NebulaGC's nodes);%n"
        + "  at most: with each container's ready-timeout and the %d s allowed for the last answers%n", PlannedRun.DRAIN.toSeconds()));
    return text.toString();
  }

  private static String line(String name, List<PlannedRun> runs) {
    return String.format(Locale.ROOT, "  %-14s %4d  %10s  %11s  %10s  %10s%n", name, runs.size(),
        hms(sum(runs, PlannedRun::load)), hms(sum(runs, PlannedRun::preparation)), hms(sum(runs, PlannedRun::planned)),
        hms(sum(runs, PlannedRun::atMost)));
  }

  private static Duration sum(List<PlannedRun> runs, java.util.function.Function<PlannedRun, Duration> part) {
    return runs.stream().map(part).reduce(Duration.ZERO, Duration::plus);
  }

  private static String hms(Duration d) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
