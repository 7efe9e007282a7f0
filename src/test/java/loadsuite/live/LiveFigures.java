package loadsuite.live;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import loadsuite.load.NamedRequests;
import loadsuite.load.PacedConnections;
import loadsuite.log.LogRecord;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The figures of a run as it runs, from the records of its simulation.log as Gatling writes them
 * (so every request Gatling counts, failed ones and those that got no answer included, under the
 * same names): in a Prometheus registry for the endpoint, and second by second for the stop
 * criteria. Besides: the connections' iterations, planned rate, schedule lag and dropped sends,
 * and the generator's CPU, heap and GC. Every metric carries the run's labels.
 *
 * <p>The latency histogram has Prometheus' classic buckets: a chart, never a verdict, which stays on
 * the exact figures of simulation.log.
 */
public final class LiveFigures {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counted requests;
  private final Counted groups;
  /** For the stop criteria: every response time (ms) since the last second was taken, and the counts. */
  private final Recorder responseTimes = new Recorder(3);
  private final LongAdder secondRequests = new LongAdder();
  private final LongAdder secondFailed = new LongAdder();
  /** The generator's CPU of its last second, a fraction of all cores (its sampler's). */
  private final DoubleSupplier cpu;

  /** The labels of a run: its id, simulation, system and injector ({@code 1/1} alone). */
  public record RunLabels(String run, String simulation, String system, String injector) {
    Labels labels() {
      return Labels.of("run", run, "simulation", simulation, "system", system, "injector", injector);
    }
  }

  public LiveFigures(RunLabels run, PacedConnections connections, DoubleSupplier cpu) {
    this.cpu = cpu;
    Labels labels = run.labels();
    requests = new Counted(registry, labels, "request", "requests", "loadsuite_response_time_seconds",
        "response times, in Prometheus' classic buckets (the verdicts are on the exact figures of simulation.log)");
    groups = new Counted(registry, labels, "group", "groups", "loadsuite_group_time_seconds",
        "cumulated response time of each group (its requests' times added up)");
    CounterWithCallback.builder().name("loadsuite_iterations").help("measured iterations sent: its rate is the achieved rate")
        .constLabels(labels).callback(c -> c.call(connections.measuredIterations())).register(registry);
    GaugeWithCallback.builder().name("loadsuite_planned_rate").help("iterations a second the schedule plans now (0 in the warm-up)")
        .constLabels(labels).callback(c -> c.call(connections.plannedRateNow())).register(registry);
    CounterWithCallback.builder().name("loadsuite_dropped_sends").help("sends dropped because a connection fell more than 1 s behind")
        .constLabels(labels).callback(c -> c.call(connections.intendedTimes().droppedSends())).register(registry);
    GaugeWithCallback.builder().name("loadsuite_schedule_lag_seconds").help("schedule lag of the measured iterations so far, by quantile")
        .constLabels(labels).labelNames("quantile").callback(c -> {
          Histogram lag = connections.intendedTimes().lag();
          for (double q : new double[] {0.5, 0.99, 1.0}) {
            c.call(lag.getValueAtPercentile(q * 100) / 1e6, Double.toString(q));
          }
        }).register(registry);
    GaugeWithCallback.builder().name("loadsuite_generator_cpu_ratio").help("the generator's CPU, a fraction of all its cores (last second)")
        .constLabels(labels).callback(c -> c.call(cpu.getAsDouble())).register(registry);
    JvmMetrics.builder().constLabels(labels).register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** A record of the run's log: requests and groups are counted, the rest is not a figure. */
  void accept(LogRecord record) {
    if (record instanceof LogRecord.Response r) {
      String path = NamedRequests.path(r.groups(), r.name());
      long millis = Math.max(0, r.end() - r.start());
      requests.observe(path, millis, r.ok());
      responseTimes.recordValue(millis);
      secondRequests.increment();
      if (!r.ok()) {
        secondFailed.increment();
      }
    } else if (record instanceof LogRecord.Group g) {
      groups.observe(String.join(NamedRequests.SEPARATOR, g.groups()), g.cumulatedResponseTime(), g.ok());
    }
  }

  /** A count, a failed count and a time histogram of the requests or of the groups, by path. */
  private static final class Counted {
    private final Counter count;
    private final Counter failed;
    private final io.prometheus.metrics.core.metrics.Histogram time;

    Counted(PrometheusRegistry registry, Labels labels, String label, String plural, String timeName, String timeHelp) {
      count = Counter.builder().name("loadsuite_" + plural).help(plural + " of the measured window, by path")
          .constLabels(labels).labelNames(label).register(registry);
      failed = Counter.builder().name("loadsuite_" + plural + "_failed").help("failed " + plural + " (Gatling's KO)")
          .constLabels(labels).labelNames(label).register(registry);
      time = io.prometheus.metrics.core.metrics.Histogram.builder().name(timeName).help(timeHelp)
          .classicOnly().constLabels(labels).labelNames(label).register(registry);
    }

    void observe(String path, long millis, boolean ok) {
      count.labelValues(path).inc();
      time.labelValues(path).observe(millis / 1000.0);
      if (!ok) {
        failed.labelValues(path).inc();
      }
    }
  }

  /** What arrived since the last call: the stop criteria's one second. */
  Second takeSecond() {
    return new Second(secondRequests.sumThenReset(), secondFailed.sumThenReset(), responseTimes.getIntervalHistogram(),
        cpu.getAsDouble());
  }

  /** The responses (their times in ms), failures and the generator's CPU of one second. */
  record Second(long requests, long failed, Histogram responseTimes, double cpu) {}
}
