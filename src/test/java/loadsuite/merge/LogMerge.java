package loadsuite.merge;

import io.gatling.commons.stats.assertion.Assertion;
import java.nio.file.Path;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import loadsuite.log.SimulationLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Merges the simulation.logs of N injectors into one, as if one machine had written it: times
 * taken from the earliest start, scenarios named again by index, strings cached again, and the
 * records in time order (Gatling's active-users charts assume it). Each log is already in the
 * order its injector wrote it, so a k-way merge streams them in constant memory.
 */
public final class LogMerge {
  private LogMerge() {}

  /** The records each input held, in the order of {@code logs}. */
  public static List<Long> merge(List<Path> logs, Path merged, String description, List<Assertion> assertions) {
    List<SimulationLog> inputs = new ArrayList<>();
    try {
      logs.forEach(log -> inputs.add(SimulationLog.open(log)));
      String simulation = inputs.get(0).header().simulation();
      for (SimulationLog input : inputs) {
        if (!input.header().simulation().equals(simulation)) {
          throw new MergeException(input.file() + " is a run of " + input.header().simulation() + ", " + inputs.get(0).file()
              + " one of " + simulation + ": merge the injectors of one run only");
        }
      }
      long start = inputs.stream().mapToLong(input -> input.header().start()).min().orElseThrow();
      Set<String> scenarios = new LinkedHashSet<>();
      inputs.forEach(input -> scenarios.addAll(input.header().scenarios()));
      try (LogWriter writer = new LogWriter(merged, simulation, start, description, List.copyOf(scenarios), assertions)) {
        return copyInTimeOrder(inputs, writer);
      }
    } finally {
      inputs.forEach(SimulationLog::close);
    }
  }

  private record Head(LogRecord record, int input) {}

  private static List<Long> copyInTimeOrder(List<SimulationLog> inputs, LogWriter writer) {
    long[] counts = new long[inputs.size()];
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong((Head h) -> h.record().time()).thenComparingInt(Head::input));
    for (int i = 0; i < inputs.size(); i++) {
      LogRecord first = inputs.get(i).next();
      if (first != null) {
        heads.add(new Head(first, i));
      }
    }
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      writer.write(head.record());
      counts[head.input()]++;
      LogRecord next = inputs.get(head.input()).next();
      if (next != null) {
        heads.add(new Head(next, head.input()));
      }
    }
    return java.util.Arrays.stream(counts).boxed().toList();
  }
}
