package loadsuite.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import loadsuite.load.RateSchedule.Step;

/**
 * A fixed pool of virtual users ("connections") that loop over requests, each sending at its
 * share of the schedule's rate: the closed model of autocannon and k6, which on 2 cores reaches
 * more than twice the rate of one new Gatling user per request.
 *
 * <p>Every connection keeps an absolute due time, so a late wake-up is made up by the next
 * iteration instead of drifting the rate down (Gatling's own {@code pace} restarts its clock at
 * every wake-up). A connection that falls more than {@link #MAX_BACKLOG} behind, because the
 * system answers too slowly, drops the missed sends: they show as achieved below planned.
 *
 * <p>A closed schedule (workers) has no due times: the first {@code workers} connections of the
 * step in force send back to back, the others wait for the next step.
 */
public final class PacedConnections {
  /** The requests one iteration sends; built twice, the second time for the silent warm-up ({@link WarmUp}). */
  @FunctionalInterface
  public interface Iteration {
    ChainBuilder requests();
  }

  static final Duration MAX_BACKLOG = Duration.ofSeconds(1);
  private static final String DUE = "pacedDue";
  private static final String WAIT = "pacedWait";
  private static final String WARM_UP = "pacedWarmUp";
  private static final String GROUP = "pacedGroup";
  private static final String INDEX = "pacedIndex";
  private static final String ACTIVE = "pacedActive";
  private static final String INTENDED = "pacedIntended";

  private final RateSchedule schedule;
  private final int connections;
  private final boolean startTogether;
  /** The instant (System.nanoTime) the first connection started: t = 0 of the schedule. */
  private final AtomicLong epoch = new AtomicLong();
  private final LongAdder measuredIterations = new LongAdder();
  private final IntendedTimes intendedTimes = new IntendedTimes();
  /** Why the run is to end now (a stop criterion), or null. */
  private volatile String stopReason;

  public PacedConnections(Workload workload) {
    this.schedule = workload.schedule();
    this.connections = workload.connections();
    this.startTogether = workload.shape().startTogether();
  }

  /**
   * The scenario: every connection joins with {@code sessionValues} (the services' base URLs) and,
   * when there is one, its own record of {@code feeder} (values per virtual user, such as a token),
   * then loops: the warm-up chain while the schedule is in its warm-up, the measured chain after.
   */
  public PopulationBuilder populate(String scenarioName, ChainBuilder warmUp, ChainBuilder measured,
      Map<String, Object> sessionValues, Optional<Iterator<Map<String, Object>>> feeder) {
    if (schedule.steps().stream().anyMatch(s -> s.group() != null)) {
      measured = exec(io.gatling.javaapi.core.CoreDsl.group("#{" + GROUP + "}").on(measured));
    }
    long total = schedule.duration().toNanos();
    ChainBuilder joined = exec(session -> join(session).setAll(sessionValues));
    if (feeder.isPresent()) {
      joined = joined.feed(feeder.get());
    }
    ChainBuilder connection = joined
        .asLongAs(session -> session.getLong(DUE) - epoch.get() < total)
        .on(exec(schedule.closed() ? this::scheduleWorker : this::schedule)
            .pause(session -> Duration.ofNanos(session.getLong(WAIT)))
            // the first connection to wake after a stop ends the run for all, as Gatling's maxDuration would
            .exec(stopLoadGeneratorIf(session -> stopReason, session -> stopReason != null))
            .doIf(session -> session.getBoolean(ACTIVE))
            .then(doIfOrElse(session -> session.getBoolean(WARM_UP))
                .then(warmUp)
                .orElse(exec(this::sent).exec(measured))));
    return scenario(scenarioName).exec(connection).injectOpen(atOnceUsers(connections));
  }

  /** Iterations started outside the warm-up so far: the achieved counterpart of the planned count. */
  public long measuredIterations() {
    return measuredIterations.sum();
  }

  /** Ends the run gracefully at the next wake-up of any connection, as if its planned end had come. */
  public void stop(String reason) {
    stopReason = reason;
  }

  /** The planned rate of iterations now, in the measured window (0 before and after it, and for workers). */
  public double plannedRateNow() {
    long start = epoch.get();
    return start == 0 ? 0 : schedule.measuredRateAt(Duration.ofNanos(System.nanoTime() - start));
  }

  /** The schedule lag of the measured iterations and the latency of their requests from the intended send time. */
  public IntendedTimes intendedTimes() {
    return intendedTimes;
  }

  /** The group of the step this iteration was scheduled in (a staircase's level); none in the warm-up or without groups. */
  public static Optional<String> group(Session session) {
    return Optional.ofNullable(session.getString(GROUP));
  }

  /** How long the run lasts when the system keeps up. */
  public Duration plannedDuration() {
    return schedule.duration();
  }

  /**
   * All connections open at once; their first sends are spread evenly over one period of the
   * first rate so that the rate is smooth from the start, except for bursts, which send together.
   */
  private Session join(Session session) {
    epoch.compareAndSet(0, System.nanoTime());
    long index = (session.userId() - 1) % connections;
    long offset = startTogether || schedule.closed() ? 0 : schedule.advance(Duration.ZERO, index).toNanos();
    return session.set(DUE, epoch.get() + offset).set(INDEX, index);
  }

  /** As a measured iteration goes out, after its pause: its lag, which a late wake-up adds to. */
  private Session sent(Session session) {
    long lag = Math.max(0, System.nanoTime() - session.getLong(INTENDED));
    intendedTimes.recordIteration(lag, session.getLong(IntendedTimes.DROPPED), session.getLong(IntendedTimes.PERIOD));
    return session.set(IntendedTimes.LAG, lag);
  }

  private Session schedule(Session session) {
    long now = System.nanoTime();
    long intended = session.getLong(DUE);
    long due = Math.max(intended, now - MAX_BACKLOG.toNanos());
    Duration elapsed = Duration.ofNanos(due - epoch.get());
    Step step = schedule.stepAt(elapsed);
    long nextDue = epoch.get() + schedule.advance(elapsed, connections).toNanos();
    Session next = session.set(DUE, nextDue).set(WAIT, Math.max(0, due - now)).set(WARM_UP, step.warmUp()).set(ACTIVE, true);
    if (!step.warmUp()) {
      measuredIterations.increment();
      // the lag is taken from the real due time, not the clamped one: the sends between them are dropped
      long period = nextDue - due;
      next = next.set(INTENDED, intended).set(IntendedTimes.DROPPED, (due - intended) / period).set(IntendedTimes.PERIOD, period);
    }
    return step.group() == null ? next : next.set(GROUP, step.group());
  }

  /**
   * A worker of a closed schedule: sends now if the step in force has work for it, else waits for
   * the next step. A worker has no due time, so it is its own intended send time (no lag).
   */
  private Session scheduleWorker(Session session) {
    long now = System.nanoTime();
    Duration elapsed = Duration.ofNanos(now - epoch.get());
    if (elapsed.compareTo(schedule.duration()) >= 0) {
      return session.set(DUE, now).set(WAIT, 0L).set(ACTIVE, false);
    }
    Step step = schedule.stepAt(elapsed);
    if (session.getLong(INDEX) >= step.workers()) {
      long stepEnd = epoch.get() + schedule.endOf(step).toNanos();
      return session.set(DUE, stepEnd).set(WAIT, stepEnd - now).set(ACTIVE, false);
    }
    Session next = session.set(DUE, now).set(WAIT, 0L).set(WARM_UP, step.warmUp()).set(ACTIVE, true);
    if (!step.warmUp()) {
      measuredIterations.increment();
      next = next.set(INTENDED, now).set(IntendedTimes.DROPPED, 0L).set(IntendedTimes.PERIOD, 1L);
    }
    return step.group() == null ? next : next.set(GROUP, step.group());
  }
}
