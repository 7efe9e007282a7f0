package loadsuite.results;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A summary.json read back from disk with the start it is ordered by. Files that cannot be read
 * are skipped with a warning: one damaged file must not hide every other run.
 */
record StoredSummary(Path file, RunSummary summary, Instant start) {

  /** The readable summaries among {@code files}, oldest first. */
  static List<StoredSummary> readAll(Stream<Path> files) {
    return files.map(StoredSummary::read).flatMap(Optional::stream).sorted(Comparator.comparing(StoredSummary::start)).toList();
  }

  static Optional<StoredSummary> read(Path file) {
    try {
      RunSummary summary = SummaryFiles.read(file);
      if (summary.simulation() == null || summary.start() == null) {
        return skip(file, "it names no simulation or start");
      }
      return Optional.of(new StoredSummary(file, summary, Instant.parse(summary.start())));
    } catch (UncheckedIOException | DateTimeParseException e) {
      return skip(file, e.getMessage());
    }
  }

  /** The folder of the run, where Gatling's report sits beside the summary. */
  Path runFolder() {
    return file.getParent();
  }

  private static Optional<StoredSummary> skip(Path file, String why) {
    System.err.println("warning: skipped " + file + ": " + why);
    return Optional.empty();
  }
}
