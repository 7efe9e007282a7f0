package loadsuite.merge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import loadsuite.load.Injector;
import loadsuite.results.RunPlan;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;

/** The run folder of one injector: its log, its plan (with its share) and its summary, checked before a merge. */
record InjectorRun(Path folder, RunPlan plan, RunSummary summary) {
  static final String LOG = "simulation.log";

  static InjectorRun read(Path folder) {
    String fix = ": give the run folders the injectors wrote under target/gatling (-Druns=<folder>,<folder>,…)";
    if (!Files.isDirectory(folder)) {
      throw new MergeException(folder + " is not a folder" + fix);
    }
    if (!Files.isRegularFile(folder.resolve(LOG)) || !Files.isRegularFile(folder.resolve(SummaryFiles.NAME))) {
      throw new MergeException(folder + " is not a finished run (no " + LOG + " or " + SummaryFiles.NAME + ")" + fix);
    }
    if (!RunPlan.isIn(folder)) {
      throw new MergeException(folder + " has no " + RunPlan.NAME + ": it is a run of an older suite; run the injectors again" + fix);
    }
    RunPlan plan = RunPlan.read(folder);
    if (plan.injector() == null) {
      throw new MergeException(folder + " is not an injector's run: run each share with -D" + Injector.PROPERTY + "=<i>/<N>");
    }
    RunSummary summary = SummaryFiles.read(folder.resolve(SummaryFiles.NAME));
    if (RunSummary.INCOMPLETE.equals(summary.status())) {
      throw new MergeException(folder + " is an incomplete run (" + summary.reason() + "): run that injector's share again");
    }
    return new InjectorRun(folder, plan, summary);
  }

  Injector injector() {
    return plan.share();
  }

  /** The runs of one workload's injectors 1 to N, each once, of one simulation and profile. */
  static void checkTogether(List<InjectorRun> runs) {
    InjectorRun first = runs.get(0);
    int count = first.injector().count();
    for (InjectorRun run : runs) {
      if (!run.summary().simulation().equals(first.summary().simulation())) {
        throw new MergeException(run.folder() + " is a run of " + run.summary().simulation() + ", " + first.folder() + " of "
            + first.summary().simulation() + ": merge the injectors of one simulation");
      }
      if (!run.summary().profile().equals(first.summary().profile())) {
        throw new MergeException(run.folder() + " ran profile " + run.summary().profile() + ", " + first.folder() + " profile "
            + first.summary().profile() + ": every injector runs the same profile and options");
      }
      if (!run.plan().settings().equals(first.plan().settings())) {
        throw new MergeException(run.folder() + " ran " + run.plan().workload() + " with " + run.plan().settings() + ", " + first.folder()
            + " with " + first.plan().settings() + ": every injector runs the same profile and options");
      }
      if (run.injector().count() != count) {
        throw new MergeException(run.folder() + " was injector " + run.injector().index() + " of " + run.injector().count() + ", "
            + first.folder() + " one of " + count + ": merge the injectors of one run");
      }
    }
    for (int i = 1; i <= count; i++) {
      int index = i;
      long found = runs.stream().filter(r -> r.injector().index() == index).count();
      if (found != 1) {
        throw new MergeException((found == 0 ? "injector " + i + "/" + count + " is missing" : "injector " + i + "/" + count
            + " is given " + found + " times") + " among " + runs.stream().map(InjectorRun::folder).toList()
            + ": give the run folder of each of the " + count + " injectors once");
      }
    }
  }
}
