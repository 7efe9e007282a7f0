package loadsuite.results;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.Status;
import io.gatling.shared.model.assertion.AssertionStatsRepository;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loadsuite.log.LogRecord;
import loadsuite.log.SimulationLog;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The exact figures of a run: every response of its simulation.log, per request, per group
 * (cumulated response time, as Gatling's assertions on a group use) and for all requests, in one
 * pass over the log. It answers Gatling's assertion validator as Gatling's own reader does, so the
 * goals are judged with Gatling's semantics (paths, conditions, counts) on exact figures instead of
 * its t-digest estimates. Times are Gatling's whole milliseconds; a mean is given rounded down,
 * which keeps a goal {@code mean < T ms} exact.
 */
public final class ExactStats implements AssertionStatsRepository {
  /** The responses of one scope, those that succeeded and those that failed apart. */
  private static final class Scope {
    final ResponseTimes ok = new ResponseTimes();
    final ResponseTimes ko = new ResponseTimes();

    /** A negative time (the clock stepped back between a request's start and end) counts as 0 ms. */
    void add(int millis, boolean succeeded) {
      (succeeded ? ok : ko).add(Math.max(0, millis));
    }

    ResponseTimes of(Option<Status> status) {
      return status.isEmpty() ? ok.plus(ko) : status.get() == KO$.MODULE$ ? ko : ok;
    }
  }

  private final AssertionStatsRepository paths;
  private final Scope global = new Scope();
  private final Map<Map.Entry<List<String>, String>, Scope> requests = new LinkedHashMap<>();
  private final Map<List<String>, Scope> groups = new LinkedHashMap<>();
  /** From the run's start to its last record: what Gatling divides a count by for its mean requests per second. */
  private double seconds;

  private ExactStats(AssertionStatsRepository paths) {
    this.paths = paths;
  }

  /**
   * Reads every record of a run's log (a truncated one up to where it ends); {@code paths} is
   * Gatling's reading of the same log, which resolves the paths goals name.
   */
  public static ExactStats read(Path log, AssertionStatsRepository paths) {
    ExactStats stats = new ExactStats(paths);
    try (SimulationLog opened = SimulationLog.open(log)) {
      long last = opened.header().start();
      for (LogRecord r = opened.next(); r != null; r = opened.next()) {
        last = Math.max(last, r.time());
        if (r instanceof LogRecord.Response response) {
          int millis = Math.toIntExact(response.end() - response.start());
          stats.requests.computeIfAbsent(Map.entry(response.groups(), response.name()), k -> new Scope()).add(millis, response.ok());
          stats.global.add(millis, response.ok());
        } else if (r instanceof LogRecord.Group group) {
          stats.groups.computeIfAbsent(group.groups(), k -> new Scope()).add(group.cumulatedResponseTime(), group.ok());
        }
      }
      stats.seconds = Math.max(1, (last - opened.header().start()) / 1000.0);
    }
    return stats;
  }

  /** The requests of the run, each as its group path and name, in the order the log first names them. */
  public List<Map.Entry<List<String>, String>> requestPaths() {
    return List.copyOf(requests.keySet());
  }

  /** The responses of all requests, of a request, or of a group (its cumulated response time); empty when the run has none. */
  Optional<ResponseTimes> request(List<String> group, String name, Option<Status> status) {
    Scope scope = requests.get(Map.entry(group, name));
    return scope == null ? Optional.empty() : nonEmpty(scope.of(status));
  }

  Optional<ResponseTimes> group(List<String> hierarchy, Option<Status> status) {
    Scope scope = groups.get(hierarchy);
    return scope == null ? Optional.empty() : nonEmpty(scope.of(status));
  }

  Optional<ResponseTimes> global(Option<Status> status) {
    return nonEmpty(global.of(status));
  }

  /**
   * The responses a goal's scope covers, as Gatling's validator resolves it: {@code all requests},
   * else a request by its path ({@code journey / search}), else a group by its path.
   */
  public Optional<ResponseTimes> scope(List<String> parts) {
    if (parts.isEmpty()) {
      return global(Option.empty());
    }
    Optional<ResponseTimes> request = request(parts.subList(0, parts.size() - 1), parts.get(parts.size() - 1), Option.empty());
    return request.isPresent() ? request : group(parts, Option.empty());
  }

  private static Optional<ResponseTimes> nonEmpty(ResponseTimes times) {
    return times.count() == 0 ? Optional.empty() : Optional.of(times);
  }

  /** Paths are names, not estimates: resolved as Gatling's reader of the same log resolves them. */
  @Override
  @SuppressWarnings("rawtypes")
  public scala.collection.immutable.List allRequestPaths() {
    return paths.allRequestPaths();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Option findPathByParts(scala.collection.immutable.List<String> parts) {
    return paths.findPathByParts(parts);
  }

  @Override
  public Option<Stats> requestGeneralStats(scala.collection.immutable.List<String> group, Option<String> request, Option<Status> status) {
    List<String> path = List.copyOf(CollectionConverters.asJava(group));
    if (request.isDefined()) {
      return gatling(request(path, request.get(), status));
    }
    if (path.isEmpty()) {
      return gatling(global(status));
    }
    // every request within the group
    ResponseTimes pooled = new ResponseTimes();
    for (Map.Entry<Map.Entry<List<String>, String>, Scope> e : requests.entrySet()) {
      List<String> g = e.getKey().getKey();
      if (g.size() >= path.size() && g.subList(0, path.size()).equals(path)) {
        pooled = pooled.plus(e.getValue().of(status));
      }
    }
    return gatling(nonEmpty(pooled));
  }

  @Override
  public Option<Stats> groupCumulatedResponseTimeGeneralStats(scala.collection.immutable.List<String> group, Option<Status> status) {
    return gatling(group(List.copyOf(CollectionConverters.asJava(group)), status));
  }

  private Option<Stats> gatling(Optional<ResponseTimes> times) {
    if (times.isEmpty()) {
      return Option.empty();
    }
    ResponseTimes t = times.get();
    scala.Function1<Object, Object> percentile = new scala.runtime.AbstractFunction1<>() {
      @Override
      public Object apply(Object percent) {
        return t.percentile(((Number) percent).doubleValue());
      }
    };
    return Option.apply(new Stats(t.min(), t.max(), t.count(), (int) Math.floor(t.mean()), (int) Math.floor(t.standardDeviation()),
        percentile, t.count() / seconds));
  }
}
