package loadsuite.results;

import java.util.List;

/**
 * The machine-readable result of one run, written as summary.json beside Gatling's HTML report.
 * Its statistics are exact, over every response of the run's log ({@link ExactStats}); where Gatling's
 * report (a t-digest estimate) gives another value for a goal, the goal's message names both.
 *
 * @param status {@code passed}, {@code failed} (a goal missed) or {@code incomplete} (the run
 *     ended before its results could be read, or was stopped midway; {@code reason} says why)
 * @param schedule the schedule lag and the latency from the intended send time (null in runs
 *     recorded before the suite measured them)
 * @param generator the load generator's own process during the run, and whether the figures measure it
 * @param build the build the run belongs to ({@link BuildTag}: a nightly's Jenkins BUILD_TAG), or null
 * @param held the goals judged second by second, each also a verdict in {@code goals} (null in runs recorded before)
 */
public record RunSummary(
    String simulation,
    String workload,
    String profile,
    String status,
    String reason,
    Sut sut,
    String start,
    String end,
    double warmUpSeconds,
    double measuredSeconds,
    Rates planned,
    Rates achieved,
    RequestStats global,
    List<RequestStats> requests,
    List<GoalResult> goals,
    String knee,
    List<Probes> probes,
    List<Comparison> baseline,
    List<Transfer> transfers,
    Schedule schedule,
    Generator generator,
    String build,
    List<HeldGoal> held) {

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String INCOMPLETE = "incomplete";
  /** The scope of the goals on the container's resource probes, beside {@code global} and request names. */
  public static final String CONTAINER_SCOPE = "container";

  /** The goals on the container's resources that the run missed: Gatling's own assertions do not cover them. */
  public List<GoalResult> missedContainerGoals() {
    return goals.stream().filter(g -> CONTAINER_SCOPE.equals(g.scope()) && !g.met()).toList();
  }

  /** The goals the run missed, as the suite judged them on exact figures. */
  public List<GoalResult> missedGoals() {
    return goals.stream().filter(g -> !g.met()).toList();
  }

  /**
   * A goal judged second by second ({@code held = 99%} beside it): the share of the measured seconds
   * it held in ({@code actual}, %), and {@code seconds}, one character a second: {@code 1} held, {@code 0} not.
   */
  public record HeldGoal(String goal, String scope, String metric, String threshold, double actual, boolean met, String message,
      String seconds) {}

  /** The system under test: how it was obtained and where it answered. */
  public record Sut(String mode, String url, String description, String image) {}

  /** Iterations of the workload's connections (one request each for most workloads; an image push for others). */
  public record Rates(long iterations, double perSecond) {}

  /**
   * One request (or all of them, with name {@code all requests}); response times in ms;
   * throughput is count over {@code windowSeconds}, the measured window (a level's own, in a
   * stress staircase).
   */
  public record RequestStats(String name, List<String> group, long count, long failed, double failedPercent,
      int min, int mean, int p50, int p75, int p95, int p99, int max, double windowSeconds, double throughput) {

    public String path() {
      return group.isEmpty() ? name : String.join(" / ", group) + " / " + name;
    }
  }

  /**
   * One goal's verdict on the exact figure {@code actual}; {@code origin} is {@code targets.conf} or the
   * baseline it came from; {@code gatling} is the figure of Gatling's report for a goal on the log's
   * responses (null for the others).
   */
  public record GoalResult(String goal, String scope, String metric, String threshold, Double actual, boolean met,
      String message, String origin, Double gatling) {}

  /**
   * Resource probes of a container of the system (startup until its health route answered, memory
   * at idle and the peak during the load, in bytes), one per container the suite started; one entry
   * not measured outside container mode, {@code reason} says why.
   */
  public record Probes(String service, boolean measured, String reason, String image, Double startupMs, Long idleMemoryBytes,
      Long peakMemoryBytes, Integer samples) {}

  /** The data rate of a request that carries a body of known size: throughput × bytes per request. */
  public record Transfer(String request, long bytesPerRequest, double mibPerSecond) {}

  /**
   * When the measured iterations went out against their due time ({@code lag}, dropped sends
   * included; {@code generatorLag}, its part after the connection was free: the generator's own, of
   * the sends that went out; absent from runs before it was measured), and the latency of their
   * requests from the intended send time: all requests and each one. Times in ms.
   */
  public record Schedule(Percentiles lag, Percentiles generatorLag, long droppedSends, Percentiles global, List<Percentiles> requests) {}

  /** The distribution of one figure, in ms. */
  public record Percentiles(String name, long count, double p50, double p75, double p95, double p99, double max) {}

  /**
   * The load generator's process over the measured window: CPU as a share of all its cores, heap
   * in use (the mean of its first and last quarter, and the highest), GC pauses; {@code boundBy}
   * lists the signs that the figures measure the generator rather than the system (empty: none).
   */
  public record Generator(int cores, int samples, double cpuMeanPercent, double cpuMaxPercent, double heapFirstQuarterMiB,
      double heapLastQuarterMiB, double heapMaxMiB, long gcPauses, long gcPauseTotalMs, long gcPauseMaxMs, List<String> boundBy) {

    public boolean bound() {
      return boundBy != null && !boundBy.isEmpty();
    }
  }

  /** One figure of one request against the baseline run. */
  public record Comparison(String request, String metric, double baseline, double actual, double changePercent,
      boolean regression) {}
}
