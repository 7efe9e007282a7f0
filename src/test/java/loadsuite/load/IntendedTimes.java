package loadsuite.load;

import io.gatling.http.response.Response;
import io.gatling.javaapi.core.Session;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the closed model hides (coordinated omission): for every measured iteration, how late it
 * was sent after its due time (the schedule lag), and for every answered request, the latency
 * from the intended send time, which is the lag plus the response time (what wrk2 reports).
 *
 * <p>A send dropped because its connection fell too far behind still counts, as wrk2 counts a
 * request it could not send on time: with the lag (and the latency) it would have had, each one
 * period of its connection less late than the send that went out in its stead.
 * Times are recorded exactly, in microseconds, in HdrHistograms.
 */
public final class IntendedTimes {
  static final String LAG = "intendedLag";
  static final String DROPPED = "intendedDropped";
  static final String PERIOD = "intendedPeriod";
  private static final int DIGITS = 3;

  private final Histogram lag = new ConcurrentHistogram(DIGITS);
  private final Histogram all = new ConcurrentHistogram(DIGITS);
  private final Map<String, Histogram> byRequest = new ConcurrentHashMap<>();
  private final LongAdder dropped = new LongAdder();

  /** One measured iteration sent {@code lagNanos} after its due time, with {@code droppedSends} behind it. */
  void recordIteration(long lagNanos, long droppedSends, long periodNanos) {
    recordWithDropped(lag, lagNanos, droppedSends, periodNanos);
    dropped.add(droppedSends);
  }

  /**
   * Gatling's response transformer of the protocol: called for every response (before the
   * checks), it pairs the response time with the lag of the iteration that sent it. Requests of
   * the warm-up, and sends that never got an answer (a timeout, a refused connection), are not
   * recorded: Gatling counts those as failed requests.
   */
  public Response record(Response response, Session session) {
    if (session.contains(LAG)) {
      long nanos = session.getLong(LAG) + TimeUnit.MILLISECONDS.toNanos(response.endTimestamp() - response.startTimestamp());
      long droppedSends = session.getLong(DROPPED);
      long period = session.getLong(PERIOD);
      String path = NamedRequests.path(session.groups(), response.request().getName());
      recordWithDropped(all, nanos, droppedSends, period);
      recordWithDropped(byRequest.computeIfAbsent(path, p -> new ConcurrentHistogram(DIGITS)), nanos, droppedSends, period);
    }
    return response;
  }

  /** A copy of the lag of every measured iteration (and dropped send), in microseconds. */
  public Histogram lag() {
    return lag.copy();
  }

  /** Sends dropped because their connection was more than its backlog behind. */
  public long droppedSends() {
    return dropped.sum();
  }

  /** A copy of the latency from the intended send time of all answered requests, in microseconds. */
  public Histogram all() {
    return all.copy();
  }

  /** The same per request path ({@code GET /simple}, {@code journey / search}), sorted by path. */
  public Map<String, Histogram> byRequest() {
    Map<String, Histogram> copies = new TreeMap<>();
    byRequest.forEach((name, histogram) -> copies.put(name, histogram.copy()));
    return copies;
  }

  private static void recordWithDropped(Histogram histogram, long nanos, long droppedSends, long periodNanos) {
    for (long k = 0; k <= droppedSends; k++) {
      histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos - k * periodNanos)));
    }
  }
}
