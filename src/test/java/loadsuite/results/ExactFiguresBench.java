package loadsuite.results;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import loadsuite.log.LogRecord;
import loadsuite.log.LogWriter;
import loadsuite.log.MeasuredWindow;

/**
 * What the exact figures cost at soak size (bench/exact-figures.sh): a log of N responses (default
 * 7.2 M, 500/s for 4 h) over 4 request names, then the time and heap of the cut to the measured
 * window, of the exact figures, and of Gatling's own reading of the same log (what its report needs).
 */
public final class ExactFiguresBench {
  private ExactFiguresBench() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 7_200_000;
    Path folder = Files.createTempDirectory("exact-bench").resolve("bench-run");
    Files.createDirectories(folder);
    Path log = folder.resolve("simulation.log");
    long start = 1_700_000_000_000L;
    Random random = new Random(1);
    List<String> names = List.of("GET /simple", "GET /users/{id}", "POST /users", "GET /module");
    try (LogWriter writer = new LogWriter(log, "loadsuite.Bench", start, "", List.of("connections"), List.of())) {
      writer.write(new LogRecord.User("connections", true, start));
      for (long i = 0; i < n; i++) {
        long t = start + 15_000 + i * 2;
        int time = random.nextInt(100) == 0 ? 50 + random.nextInt(2000) : 1 + random.nextInt(5);
        writer.write(new LogRecord.Response(List.of(), names.get((int) (i % names.size())), t, t + time, true, ""));
      }
    }
    System.out.printf("log: %d responses, %.0f MB%n", n, Files.size(log) / 1e6);
    measure("cut to the measured window", () -> MeasuredWindow.cut(log, java.util.OptionalLong.empty(), 15_000, "bench", List.of()));
    measure("exact figures (one pass)", () -> ExactStats.read(log, null).scope(List.of()).orElseThrow().percentile(99));
    measure("Gatling's reading of the log and the exact figures (RunStats.read)", () -> RunStats.read(folder).global().orElseThrow().p99());
  }

  private static void measure(String what, java.util.concurrent.Callable<Object> work) throws Exception {
    System.gc();
    var memory = ManagementFactory.getMemoryMXBean();
    ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    long before = memory.getHeapMemoryUsage().getUsed();
    long t0 = System.nanoTime();
    Object result = work.call();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("%-70s %6.1f s, heap peak %5.0f MiB (before %4.0f MiB) -> %s%n", what, seconds, peak / 1048576.0, before / 1048576.0,
        result);
  }
}
