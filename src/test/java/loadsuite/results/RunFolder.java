package loadsuite.results;

import io.gatling.core.config.GatlingConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder Gatling opens for a run: {@code <simulation>-<start>} under the results folder, the
 * start (yyyyMMddHHmmssSSS in Gatling's zone) being Gatling's clock read just after the
 * simulation's before hook. Several runs of one simulation can share a results folder (injectors on
 * one machine, the tests two at a time), so a run's own folder is the first one opened at or after
 * its before hook ended, never simply the newest: a run started later would be taken for it.
 */
final class RunFolder {
  private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  /**
   * How far Gatling's clock may be behind the machine's: it is the wall clock read when Gatling
   * started plus the nanoTime elapsed since, both cut to the millisecond (1 ms behind in about one
   * read in eight, measured), and a wall clock slewed since then drifts from it.
   */
  static final Duration CLOCK_SLACK = Duration.ofMillis(100);

  private RunFolder() {}

  /** The folder of the first run of {@code simulationClassName} Gatling started at or after {@code since} (by its clock, {@link #CLOCK_SLACK}). */
  static Optional<Path> firstStartedSince(Path resultsFolder, String simulationClassName, Instant since, ZoneId zone) {
    String prefix = simulationClassName.substring(simulationClassName.lastIndexOf('.') + 1).toLowerCase() + "-";
    long sinceMillis = since.minus(CLOCK_SLACK).toEpochMilli();
    if (!Files.isDirectory(resultsFolder)) {
      return Optional.empty();
    }
    try (Stream<Path> folders = Files.list(resultsFolder)) {
      return folders.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(prefix))
          .flatMap(p -> start(p.getFileName().toString().substring(prefix.length()), zone)
              .filter(t -> t.toEpochMilli() >= sinceMillis).map(t -> Map.entry(p, t)).stream())
          .min(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The zone Gatling names its run folders in (gatling.conf, by default the machine's). */
  static ZoneId gatlingZone() {
    return GatlingConfiguration.load().data().zoneId();
  }

  /** The start a folder name carries; none for the suite's own folders (…-incomplete, …-merged). */
  private static Optional<Instant> start(String suffix, ZoneId zone) {
    try {
      return Optional.of(LocalDateTime.parse(suffix, START).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
