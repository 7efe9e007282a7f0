package loadsuite.log;

import io.gatling.commons.util.GatlingVersion;
import io.gatling.core.stats.writer.StringInternals;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reads a simulation.log record by record. Gatling's binary format (3.13 to 3.16) is undocumented and its
 * reader ({@code LogFileReader}) only yields statistics, so this follows that reader field by
 * field: a header (Gatling version, simulation, start in epoch ms, run description, scenarios by
 * index, pickled assertions), then records whose times are int offsets from the start and whose
 * strings go through a per-file cache. {@code MergeRoundTripTest} checks it against Gatling's own
 * writer and reader, so a Gatling upgrade that changes the format fails that test. The suite's exact
 * figures and the merge of injectors' logs both read logs through it.
 */
public final class SimulationLog implements AutoCloseable {
  /** The record types, as Gatling's {@code RecordHeader} numbers them. */
  public static final byte RUN = 0;
  public static final byte REQUEST = 1;
  public static final byte USER = 2;
  public static final byte GROUP = 3;
  public static final byte ERROR = 4;

  /** The header of a log: what a merge checks and keeps. */
  public record Header(String gatlingVersion, String simulation, long start, String description, List<String> scenarios) {}

  private final Path file;
  private final DataInputStream in;
  private final Map<Integer, String> strings = new HashMap<>();
  private final Header header;

  private SimulationLog(Path file, InputStream bytes) throws IOException {
    this.file = file;
    this.in = new DataInputStream(new BufferedInputStream(bytes, 1 << 16));
    this.header = readHeader();
  }

  /** Opens a log written by the Gatling version of this JVM (the reader checks it exactly too); another is refused with the fix. */
  public static SimulationLog open(Path file) {
    try {
      return new SimulationLog(file, Files.newInputStream(file));
    } catch (IOException e) {
      throw new LogException(file + " cannot be read as a simulation.log (" + e + "): give the run folders Gatling wrote");
    }
  }

  /**
   * The log of a run under way, read as Gatling writes it ({@link GrowingFile}): {@link #next()}
   * waits for each record, and gives null once {@code ended} holds and every byte was read.
   */
  public static SimulationLog follow(Path file, BooleanSupplier ended) {
    try {
      return new SimulationLog(file, new GrowingFile(file, ended));
    } catch (IOException e) {
      throw new LogException(file + " cannot be followed as a simulation.log (" + e + ")");
    }
  }

  /** Every response time (ms) of a log's requests: the samples a merged run's percentiles must be those of. */
  public static List<Integer> responseTimes(Path log) {
    List<Integer> times = new ArrayList<>();
    try (SimulationLog opened = open(log)) {
      for (LogRecord r = opened.next(); r != null; r = opened.next()) {
        if (r instanceof LogRecord.Response response) {
          times.add(Math.toIntExact(response.end() - response.start()));
        }
      }
    }
    return times;
  }

  public Header header() {
    return header;
  }

  public Path file() {
    return file;
  }

  /** The next record, or null at the end (a truncated log ends with a warning, as in Gatling's reader). */
  public LogRecord next() {
    try {
      int type = in.read();
      return switch (type) {
        case -1 -> null;
        case REQUEST -> new LogRecord.Response(groups(), cachedString(), time(), time(), in.readBoolean(), cachedString());
        case USER -> new LogRecord.User(header.scenarios().get(in.readInt()), in.readBoolean(), time());
        case GROUP -> new LogRecord.Group(groups(), time(), time(), in.readInt(), in.readBoolean());
        case ERROR -> new LogRecord.Error(cachedString(), time());
        default -> throw new LogException(file + " has a record of unknown type " + type + ": is it a simulation.log of Gatling "
            + header.gatlingVersion() + "?");
      };
    } catch (EOFException e) {
      System.err.println("warning: " + file + " is truncated (its run did not end); its records up to there are read");
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  private Header readHeader() throws IOException {
    if (in.read() != RUN) {
      throw new LogException(file + " does not start with a run header: it is not a simulation.log of Gatling 3.13 or later");
    }
    String version = string();
    String ours = GatlingVersion.ThisVersion().fullVersion();
    if (!version.equals(ours)) {
      in.close();
      throw new LogException(file + " was written by Gatling " + version + " and this suite runs Gatling " + ours
          + ", whose format may differ: run every injector and the merge with the same Gatling version (pom.xml gatling.version)");
    }
    String simulation = string();
    long start = in.readLong();
    String description = string();
    List<String> scenarios = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      scenarios.add(string());
    }
    // the assertions are left out: a merge asserts the goals at full scale, not an injector's share
    for (int i = in.readInt(); i > 0; i--) {
      in.skipNBytes(in.readInt());
    }
    return new Header(version, simulation, start, description, List.copyOf(scenarios));
  }

  private long time() throws IOException {
    return header.start() + in.readInt();
  }

  private List<String> groups() throws IOException {
    List<String> groups = new ArrayList<>();
    for (int i = in.readInt(); i > 0; i--) {
      groups.add(cachedString());
    }
    return groups;
  }

  /** A string written once with a positive index, then referred to by the index negated. */
  private String cachedString() throws IOException {
    int index = in.readInt();
    if (index < 0) {
      String cached = strings.get(-index);
      if (cached == null) {
        throw new LogException(file + " refers to string " + -index + " before defining it: the log is damaged");
      }
      return cached;
    }
    String value = string();
    strings.put(index, value);
    return value;
  }

  /** Gatling writes a string's internal bytes and its coder (Latin-1 or UTF-16), as {@code StringInternals} exposes them. */
  private String string() throws IOException {
    int length = in.readInt();
    if (length == 0) {
      return "";
    }
    byte[] value = in.readNBytes(length);
    return StringInternals.newString(value, in.readByte());
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
