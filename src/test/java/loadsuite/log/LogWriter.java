package loadsuite.log;

import io.gatling.commons.stats.assertion.Assertion;
import io.gatling.commons.util.GatlingVersion;
import io.gatling.core.stats.writer.BufferedFileChannelWriter;
import io.gatling.core.stats.writer.RunMessage;
import io.gatling.core.stats.writer.RunMessageSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import scala.Tuple3;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes a simulation.log with Gatling's own writer ({@code BufferedFileChannelWriter}: its string
 * encoding and cache) and header serializer (the pickled assertions), in the format of the Gatling
 * version on the classpath: a merged run's log, and the logs of known distributions the tests judge.
 */
public final class LogWriter implements AutoCloseable {
  private final BufferedFileChannelWriter writer;
  private final Map<String, Integer> scenarios = new HashMap<>();
  private final long start;

  /** @param assertions stored in the header: Gatling's report and its reports-only mode judge these */
  public LogWriter(Path file, String simulation, long start, String description, List<String> scenarioNames, List<Assertion> assertions) {
    try {
      writer = new BufferedFileChannelWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING), ByteBuffer.allocate(1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    this.start = start;
    scenarioNames.forEach(scenario -> this.scenarios.put(scenario, this.scenarios.size()));
    RunMessage run = new RunMessage(simulation, "", start, description, GatlingVersion.ThisVersion().fullVersion(), ZoneOffset.UTC);
    new RunMessageSerializer(writer).serialize(new Tuple3<>(run, CollectionConverters.asScala(assertions).toSeq(),
        Map.<String, Object>copyOf(this.scenarios)));
  }

  /** Each record as Gatling's serializers of {@code LogFileDataWriter} write it: their classes are out of Java's reach. */
  public void write(LogRecord record) {
    if (record instanceof LogRecord.User u) {
      writer.writeByte(SimulationLog.USER);
      writer.writeInt(scenarios.get(u.scenario()));
      writer.writeBoolean(u.start());
      writer.writeInt(offset(u.timestamp()));
    } else if (record instanceof LogRecord.Response r) {
      writer.writeByte(SimulationLog.REQUEST);
      writeGroups(r.groups());
      writer.writeCachedString(r.name());
      writer.writeInt(offset(r.start()));
      writer.writeInt(offset(r.end()));
      writer.writeBoolean(r.ok());
      writer.writeCachedString(r.message());
    } else if (record instanceof LogRecord.Group g) {
      writer.writeByte(SimulationLog.GROUP);
      writeGroups(g.groups());
      writer.writeInt(offset(g.start()));
      writer.writeInt(offset(g.end()));
      writer.writeInt(g.cumulatedResponseTime());
      writer.writeBoolean(g.ok());
    } else if (record instanceof LogRecord.Error e) {
      writer.writeByte(SimulationLog.ERROR);
      writer.writeCachedString(e.message());
      writer.writeInt(offset(e.timestamp()));
    }
  }

  private void writeGroups(List<String> groups) {
    writer.writeInt(groups.size());
    groups.forEach(writer::writeCachedString);
  }

  private int offset(long time) {
    return Math.toIntExact(time - start);
  }

  @Override
  public void close() {
    writer.close();
  }
}
