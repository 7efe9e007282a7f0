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
 * <p>A send dropped because the connections fell too far behind still counts, as wrk2 counts a
 * request it could not send on time: with the lag (and the latency) it would have had, each one
 * period of the schedule (of its connection, with a share of its own) less late than the send
 * that went out in its stead.
 * The lag has two parts: the connection that sent it still busy with a previous iteration when
 * the send was due (with a shared schedule, every connection was: the system's answers, and the
 * generator's handling of them, took that long), and what is left, the generator's own: from the
 * moment the send could go out (due, and its connection free) to the moment it did (its wake-up,
 * its event loop's delay).
 * Times are recorded exactly, in microseconds, in HdrHistograms.
 */
public final class IntendedTimes {
  /** The session key of a connection's {@link Send}. */
  static final String SEND = "intendedSend";
  private static final int DIGITS = 3;

  private final Histogram lag = new ConcurrentHistogram(DIGITS);
  private final Histogram generatorLag = new ConcurrentHistogram(DIGITS);
  private final Histogram all = new ConcurrentHistogram(DIGITS);
  private final Map<String, Histogram> byRequest = new ConcurrentHashMap<>();
  private final LongAdder dropped = new LongAdder();

  /**
   * A connection's last measured send, which its responses are recorded with: one object per
   * connection, in its session from the start, updated in place by the connection's own virtual
   * user as each measured iteration goes out (no new session per iteration; its responses are
   * answered before its next iteration).
   */
  static final class Send {
    private boolean measured;
    private long lagNanos;
    private long droppedSends;
    private long periodNanos;

    /** A measured iteration went out {@code lagNanos} late, {@code droppedSends} dropped behind it. */
    void sent(long lagNanos, long droppedSends, long periodNanos) {
      this.measured = true;
      this.lagNanos = lagNanos;
      this.droppedSends = droppedSends;
      this.periodNanos = periodNanos;
    }
  }

  /**
   * One measured iteration of the connection of {@code send} went out {@code lagNanos} after its due
   * time, {@code generatorLagNanos} of it after its connection was free, with {@code droppedSends}
   * behind it; its responses are recorded with the same. A dropped send never went out: it has no
   * part of the generator's own.
   */
  void recordIteration(Send send, long lagNanos, long generatorLagNanos, long droppedSends, long periodNanos) {
    send.sent(lagNanos, droppedSends, periodNanos);
    recordWithDropped(lag, lagNanos, droppedSends, periodNanos);
    generatorLag.recordValue(TimeUnit.NANOSECONDS.toMicros(generatorLagNanos));
    dropped.add(droppedSends);
  }

  /**
   * Gatling's response transformer of the protocol: called for every response (before the
   * checks), it pairs the response time with the lag of the iteration that sent it. Requests of
   * the warm-up, and sends that never got an answer (a timeout, a refused connection), are not
   * recorded: Gatling counts those as failed requests.
   */
  public Response record(Response response, Session session) {
    Send send = session.get(SEND);
    if (send != null && send.measured) {
      long nanos = send.lagNanos + TimeUnit.MILLISECONDS.toNanos(response.endTimestamp() - response.startTimestamp());
      long droppedSends = send.droppedSends;
      long period = send.periodNanos;
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

  /** A copy of the generator's own part of the lag of every measured iteration that went out, in microseconds. */
  public Histogram generatorLag() {
    return generatorLag.copy();
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
