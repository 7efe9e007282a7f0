package loadsuite.goals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loadsuite.config.DataRate;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.config.Section;
import loadsuite.load.Injector;
import loadsuite.load.Workload;

/**
 * One goal of targets.conf: a metric of a scope ({@code global} or a request name) against a
 * threshold. Exactly one of {@code time}, {@code percent}, {@code rate}, {@code dataRate} and
 * {@code count} is set.
 */
public record Goal(String scope, Metric metric, Duration time, Percent percent, Rate rate, DataRate dataRate, Long count) {
  public static final String GLOBAL = "global";
  /** The goal keys written with a dot ({@code lag.p99}, {@code intended.p95}), which HOCON reads as an object. */
  private static final java.util.Set<String> SUITE_PREFIXES = java.util.Set.of("lag", "intended");

  public Goal(String scope, Metric metric, Duration time, Percent percent, Rate rate) {
    this(scope, metric, time, percent, rate, null, null);
  }

  /**
   * The goal as one injector of several must meet it: an absolute throughput (rate, messages,
   * bytes) in proportion to its share of the connections; the others as they are.
   */
  public Goal sharedBy(Injector injector, Workload whole) {
    if (!injector.shared()) {
      return this;
    }
    double f = injector.fraction(whole);
    return new Goal(scope, metric, time, percent, rate == null ? null : new Rate(rate.perSecond() * f),
        dataRate == null ? null : new DataRate(dataRate.bytesPerSecond() * f, dataRate.unit()), count);
  }

  /** Reads {@code goals { global { p95 = 20ms }, "GET /simple" { p95 = 5ms } }}. */
  public static List<Goal> readAll(Section goals) {
    List<Goal> all = new ArrayList<>();
    for (String scope : goals.keys()) {
      Section scoped = goals.child(scope);
      for (String key : scoped.keys()) {
        if (Held.KEY.equals(key)) {
          continue;
        }
        if (SUITE_PREFIXES.contains(key)) {
          // lag.p99 = 50ms is HOCON for lag { p99 = 50ms }
          Section nested = scoped.child(key);
          for (String inner : nested.keys()) {
            all.add(read(nested, scope, metric(nested, inner, key + ".")));
          }
        } else {
          all.add(read(scoped, scope, metric(scoped, key, "")));
        }
      }
    }
    return all;
  }

  private static Metric metric(Section scoped, String key, String prefix) {
    Metric metric = Metric.byKey(prefix + key);
    if (metric == null) {
      scoped.has(key);
      throw scoped.error(key, "one of the goal keys " + Metric.keys() + " (unknown goal key '" + prefix + key + "')");
    }
    return metric;
  }

  /** Reads a goal; {@code scoped} holds its key without prefix ({@code p99} of {@code lag.p99}). */
  private static Goal read(Section scoped, String scope, Metric metric) {
    String key = metric.key.substring(metric.key.indexOf('.') + 1);
    return switch (metric.kind) {
      case SCHEDULE_LAG -> {
        if (!GLOBAL.equals(scope)) {
          throw scoped.error(key, "set under global: the schedule lag is of iterations, not of one request");
        }
        yield new Goal(scope, metric, scoped.duration(key), null, null);
      }
      case INTENDED_TIME -> new Goal(scope, metric, scoped.duration(key), null, null);
      case SENDS -> {
        if (!GLOBAL.equals(scope)) {
          throw scoped.error(metric.key, "set under global: the generator sends iterations, not one request");
        }
        yield metric == Metric.ACHIEVED ? new Goal(scope, metric, null, scoped.percent(metric.key), null)
            : new Goal(scope, metric, null, null, null, null, (long) scoped.nonNegativeInt(metric.key));
      }
      case RESPONSE_TIME -> {
        Duration d = scoped.duration(metric.key);
        if (d.toNanos() % 1_000_000 != 0) {
          throw scoped.error(metric.key, "whole milliseconds such as 20ms (Gatling records response times in milliseconds)");
        }
        yield new Goal(scope, metric, d, null, null);
      }
      case FAILED -> new Goal(scope, metric, null, scoped.percent(metric.key), null);
      case THROUGHPUT -> {
        if (metric == Metric.DATA_RATE) {
          if (GLOBAL.equals(scope)) {
            throw scoped.error(metric.key, "set on the request that carries the bytes, not on global");
          }
          yield new Goal(scope, metric, null, null, null, scoped.dataRate(metric.key), null);
        }
        if (metric == Metric.THROUGHPUT && scoped.string(metric.key).trim().endsWith("%")) {
          if (!GLOBAL.equals(scope)) {
            throw scoped.error(metric.key, "an absolute rate such as 300/s for a single request"
                + " (a percentage of the plan is defined for global only)");
          }
          yield new Goal(scope, metric, null, scoped.percent(metric.key), null);
        }
        yield new Goal(scope, metric, null, null, scoped.rate(metric.key));
      }
    };
  }

  /** The threshold as written in targets.conf. */
  public String threshold() {
    return time != null ? time.toMillis() + "ms" : percent != null ? percent.toString() : rate != null ? rate.toString()
        : dataRate != null ? dataRate.toString() : count.toString();
  }
}
