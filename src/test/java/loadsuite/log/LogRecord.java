package loadsuite.log;

import java.util.List;

/** One record of a simulation.log after its header, with absolute times in epoch milliseconds. */
public sealed interface LogRecord {
  /** When Gatling wrote the record: the order records keep in a log, and in a merged one. */
  long time();

  record User(String scenario, boolean start, long timestamp) implements LogRecord {
    @Override
    public long time() {
      return timestamp;
    }
  }

  record Response(List<String> groups, String name, long start, long end, boolean ok, String message) implements LogRecord {
    @Override
    public long time() {
      return end;
    }
  }

  record Group(List<String> groups, long start, long end, int cumulatedResponseTime, boolean ok) implements LogRecord {
    @Override
    public long time() {
      return end;
    }
  }

  record Error(String message, long timestamp) implements LogRecord {
    @Override
    public long time() {
      return timestamp;
    }
  }
}
