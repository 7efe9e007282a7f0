package loadsuite;

import java.util.List;
import loadsuite.config.Section;
import loadsuite.config.Targets;
import loadsuite.goals.Goal;
import loadsuite.load.Workload;

/** targets.conf read and validated once per JVM, and the plan of each workload. */
public final class Suite {
  /** A workload as read from targets.conf, with its goals. */
  public record Plan(Workload workload, List<Goal> goals) {}

  private static Targets targets;

  private Suite() {}

  public static synchronized Targets targets() {
    if (targets == null) {
      Targets loaded = Targets.load();
      validate(loaded);
      targets = loaded;
    }
    return targets;
  }

  public static Plan plan(String system, String workload) {
    return read(targets().workload(system, workload));
  }

  /** Reads every workload of the chosen profile, so that a mistake anywhere stops any run. */
  public static void validate(Targets targets) {
    for (String system : targets.systems()) {
      for (String workload : targets.workloads(system)) {
        read(targets.workload(system, workload));
      }
    }
  }

  public static Plan read(Section section) {
    Workload workload = Workload.read(section);
    List<Goal> goals = Goal.readAll(section.section("goals"));
    section.rejectUnknownKeys();
    return new Plan(workload, goals);
  }
}
