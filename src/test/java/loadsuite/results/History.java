package loadsuite.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The summaries of past runs, kept outside Gatling's run folders (which {@code mvn clean} removes)
 * as {@code <folder>/<simulation>/<start>.json}, the newest {@link #KEEP} per simulation.
 */
public final class History {
  public static final int KEEP = 30;

  private History() {}

  /** Stores a copy of the summary and deletes that simulation's oldest beyond {@code keep}. */
  /** The {@code history} block of targets.conf. */
  public record Settings(Path dir, int keep) {
    public static Settings read(loadsuite.config.Section section) {
      Settings settings = new Settings(Path.of(section.string("dir")), section.positiveInt("keep"));
      section.rejectUnknownKeys();
      return settings;
    }
  }

  public static void record(RunSummary summary, Path historyFolder, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, not " + keep);
    }
    Objects.requireNonNull(summary.start(), "a summary without a start cannot be ordered in the history");
    Path folder = simulationFolder(historyFolder, summary.simulation());
    SummaryFiles.write(folder.resolve(summary.start().replaceAll("[:.]", "-") + ".json"), summary);
    List<StoredSummary> stored = stored(folder);
    for (StoredSummary old : stored.subList(0, Math.max(0, stored.size() - keep))) {
      try {
        Files.delete(old.file());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the old run " + old.file(), e);
      }
    }
  }

  /** The stored summaries of a simulation, oldest first. */
  public static List<RunSummary> of(Path historyFolder, String simulation) {
    return stored(simulationFolder(historyFolder, simulation)).stream().map(StoredSummary::summary).toList();
  }

  /** Every stored summary of every simulation, oldest first. */
  public static List<RunSummary> all(Path historyFolder) {
    if (!Files.isDirectory(historyFolder)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(historyFolder)) {
      return StoredSummary.readAll(folders.filter(Files::isDirectory).flatMap(f -> stored(f).stream()).map(StoredSummary::file))
          .stream().map(StoredSummary::summary).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the history " + historyFolder, e);
    }
  }

  private static Path simulationFolder(Path historyFolder, String simulation) {
    return historyFolder.resolve(simulation.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /** Ordered by the start inside each file, not by file name: Instant's text varies in length. */
  private static List<StoredSummary> stored(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return StoredSummary.readAll(files.filter(f -> f.getFileName().toString().endsWith(".json")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the history " + folder, e);
    }
  }
}
