package loadsuite.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A set of runs judged together from their summary.json files: one row per simulation (its verdict
 * and first missed goal) and the set's verdict, which passes only when every run met every goal.
 */
public final class SetVerdicts {
  /** A run's verdict: its summary's status, or why there is no summary. */
  public record Row(String simulation, String verdict, String firstMissed, RunSummary summary) {
    public boolean passed() {
      return RunSummary.PASSED.equals(verdict);
    }
  }

  private SetVerdicts() {}

  /** The newest summary of {@code simulation} in {@code resultsFolder} of a run that started at {@code since} or later. */
  public static Optional<RunSummary> runSince(Path resultsFolder, String simulation, Instant since) {
    if (!Files.isDirectory(resultsFolder)) {
      return Optional.empty();
    }
    String prefix = SimulationSection.simpleName(simulation).toLowerCase() + "-";
    try (Stream<Path> folders = Files.list(resultsFolder)) {
      List<StoredSummary> runs = StoredSummary.readAll(folders.filter(f -> f.getFileName().toString().startsWith(prefix))
          .map(f -> f.resolve(SummaryFiles.NAME)).filter(Files::isRegularFile));
      return runs.stream().filter(r -> r.summary().simulation().equals(simulation) && !r.start().isBefore(since))
          .reduce((older, newer) -> newer).map(StoredSummary::summary);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the run folders in " + resultsFolder, e);
    }
  }

  /** Every run of {@code build} in {@code resultsFolder}, oldest first. */
  public static List<RunSummary> runsOfBuild(Path resultsFolder, String build) {
    if (!Files.isDirectory(resultsFolder)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(resultsFolder)) {
      return StoredSummary.readAll(folders.map(f -> f.resolve(SummaryFiles.NAME)).filter(Files::isRegularFile))
          .stream().map(StoredSummary::summary).filter(s -> build.equals(s.build())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the run folders in " + resultsFolder, e);
    }
  }

  /**
   * The row of a run that ended with {@code exitCode}: its summary's status and first missed goal (an
   * incomplete run's reason); without a summary, how the run ended. A passed summary of a run that
   * exited non-zero does not pass.
   */
  public static Row row(String simulation, Optional<RunSummary> run, int exitCode, int stoppedBeforeLoad) {
    if (run.isEmpty()) {
      String why = exitCode == stoppedBeforeLoad ? "stopped before any load (see its one line above)"
          : "the run wrote no summary.json (exit code " + exitCode + ")";
      return new Row(simulation, exitCode == stoppedBeforeLoad ? "stopped" : "crashed", why, null);
    }
    RunSummary summary = run.get();
    if (RunSummary.INCOMPLETE.equals(summary.status())) {
      return new Row(simulation, summary.status(), summary.reason(), summary);
    }
    Optional<String> missed = summary.missedGoals().stream().map(RunSummary.GoalResult::message).findFirst();
    if (missed.isEmpty() && exitCode != 0) {
      return new Row(simulation, RunSummary.FAILED, "every goal met, yet the run exited with " + exitCode, summary);
    }
    return new Row(simulation, summary.status(), missed.orElse("–"), summary);
  }

  /** The table printed at the end of a set: simulation, verdict, first missed goal; then the set's verdict. */
  public static String table(List<Row> rows) {
    List<String[]> cells = new java.util.ArrayList<>();
    cells.add(new String[] {"simulation", "verdict", "first missed goal"});
    rows.forEach(r -> cells.add(new String[] {SimulationSection.simpleName(r.simulation()), r.verdict(), r.firstMissed()}));
    int first = cells.stream().mapToInt(c -> c[0].length()).max().orElse(0);
    int second = cells.stream().mapToInt(c -> c[1].length()).max().orElse(0);
    StringBuilder table = new StringBuilder();
    cells.forEach(c -> table.append(String.format("%-" + first + "s  %-" + second + "s  %s%n", c[0], c[1], c[2])));
    long passed = rows.stream().filter(Row::passed).count();
    table.append(String.format("set: %d of %d simulations met every goal: %s%n", passed, rows.size(),
        passed == rows.size() ? "PASSED" : "FAILED"));
    return table.toString();
  }
}
