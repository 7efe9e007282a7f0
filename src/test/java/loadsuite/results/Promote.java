package loadsuite.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import loadsuite.config.Targets;

/**
 * Promotes a run to baseline: {@code ./mvnw exec:java@promote -Drun=<run folder | summary.json | simulation name>}.
 * A simulation name (such as {@code RuntimeSustainedSimulation}) promotes its newest run.
 */
public final class Promote {
  private Promote() {}

  public static void main(String[] args) throws IOException {
    String run = System.getProperty("run", args.length > 0 ? args[0] : "");
    if (run.isBlank()) {
      fail("name the run to promote: -Drun=target/gatling/<run folder>, or -Drun=<simulation class name> for its newest run");
    }
    Path summaryFile = summaryOf(run);
    RunSummary summary = SummaryFiles.read(summaryFile);
    if (RunSummary.INCOMPLETE.equals(summary.status())) {
      fail(summaryFile + " is an incomplete run (" + summary.reason() + "): promote a complete one");
    }
    Path target = Baseline.Settings.read(Targets.load().baseline()).promoted(summary.simulation());
    Files.createDirectories(target.getParent());
    Files.copy(summaryFile, target, StandardCopyOption.REPLACE_EXISTING);
    System.out.printf("promoted %s (%s, profile %s, %s) to %s%n", summaryFile, summary.simulation(), summary.profile(),
        summary.status(), target);
    if (RunSummary.FAILED.equals(summary.status())) {
      System.out.println("note: this run missed goals of targets.conf; later runs are compared with it all the same");
    }
  }

  private static Path summaryOf(String run) throws IOException {
    Path path = Path.of(run);
    if (Files.isRegularFile(path)) {
      return path;
    }
    if (Files.isRegularFile(path.resolve(SummaryFiles.NAME))) {
      return path.resolve(SummaryFiles.NAME);
    }
    String prefix = run.substring(run.lastIndexOf('.') + 1).toLowerCase() + "-";
    Path results = Path.of("target", "gatling");
    if (Files.isDirectory(results)) {
      try (Stream<Path> runs = Files.list(results)) {
        var newest = runs.filter(p -> p.getFileName().toString().startsWith(prefix))
            .filter(p -> Files.isRegularFile(p.resolve(SummaryFiles.NAME)))
            .max(Comparator.comparing(p -> p.getFileName().toString()));
        if (newest.isPresent()) {
          return newest.get().resolve(SummaryFiles.NAME);
        }
      }
    }
    fail("no run found for '" + run + "': give a run folder under target/gatling, its summary.json, or a simulation class name");
    return null;
  }

  private static void fail(String message) {
    System.err.println("promote: " + message);
    System.exit(2);
  }
}
