package loadsuite.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import loadsuite.load.RateSchedule.Step;
import loadsuite.log.MeasuredWindow;

/**
 * A fixed pool of virtual users ("connections") that loop over requests at the schedule's rate:
 * the model of k6's constant-arrival-rate, which on 2 cores reaches more than twice the rate of
 * one new Gatling user per request.
 *
 * <p>Connections that are all alike (no record of their own from a feeder, no bursts) share the
 * schedule: a connection that is free takes the next send not yet taken and waits for its due
 * time, so a send is late only when every connection is busy. Connections fed a record each (a
 * node with its token polls at its own period) and bursts keep their own share instead, every
 * n-th send, and a send waits for its own connection. Due times are absolute, so a late wake-up
 * is made up by the next iteration instead of drifting the rate down (Gatling's own {@code pace}
 * restarts its clock at every wake-up). Sends more than {@link #MAX_BACKLOG} behind, because the
 * system answers too slowly, are dropped: they show as achieved below planned.
 *
 * <p>A closed schedule (workers) has no due times: the first {@code workers} connections of the
 * step in force send back to back, the others wait for the next step.
 */
public final class PacedConnections {
  /** The requests one iteration sends; built twice, the second time for the warm-up ({@link WarmUp}). */
  @FunctionalInterface
  public interface Iteration {
    ChainBuilder requests();
  }

  static final Duration MAX_BACKLOG = Duration.ofSeconds(1);
  /** The grain of the connections' wake-ups. */
  static final Duration TICK = Duration.ofMillis(1);
  private static final String CONNECTION = "pacedConnection";
  private static final String GROUP = "pacedGroup";

  private final RateSchedule schedule;
  private final int connections;
  private final boolean startTogether;
  /** The instant (System.nanoTime) the first connection started: t = 0 of the schedule. */
  private final AtomicLong epoch = new AtomicLong();
  /** Gatling's clock, which stamps the run's log; set as Gatling builds the pacing action. */
  private volatile Clock logClock;
  /** The schedule's t = 0 on {@link #logClock} (epoch milliseconds), or 0 before the first connection joins. */
  private volatile long logStart;
  /** The due time (System.nanoTime) of the next send no connection of a shared schedule has taken yet. */
  private final AtomicLong nextShared = new AtomicLong();
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
   * then loops: the warm-up chain while the schedule is in its warm-up, logged in the warm-up's
   * group ({@link MeasuredWindow#WARM_UP_GROUP}, left out of every figure), the measured chain after.
   */
  public PopulationBuilder populate(String scenarioName, ChainBuilder warmUp, ChainBuilder measured,
      Map<String, Object> sessionValues, Optional<Iterator<Map<String, Object>>> feeder) {
    if (schedule.steps().stream().anyMatch(s -> s.group() != null)) {
      measured = exec(io.gatling.javaapi.core.CoreDsl.group("#{" + GROUP + "}").on(measured));
    }
    ChainBuilder warmUpLogged = exec(io.gatling.javaapi.core.CoreDsl.group(MeasuredWindow.WARM_UP_GROUP).on(warmUp));
    long total = schedule.duration().toNanos();
    ChainBuilder joined = exec(session -> join(session).setAll(sessionValues));
    if (feeder.isPresent()) {
      joined = joined.feed(feeder.get());
    }
    boolean shared = feeder.isEmpty() && !startTogether;
    io.gatling.core.action.builder.ActionBuilder pacerBuilder = (context, next) -> pacer(next, shared, context.coreComponents().clock());
    ActionBuilder pacer = () -> pacerBuilder;
    ChainBuilder connection = joined
        .asLongAs(session -> connectionOf(session).due - epoch.get() < total)
        .on(exec(pacer)
            // the first connection to wake after a stop ends the run for all, as Gatling's maxDuration would
            .exec(stopLoadGeneratorIf(session -> stopReason, session -> stopReason != null))
            .doIf(session -> connectionOf(session).active)
            .then(doIfOrElse(session -> connectionOf(session).warmUp).then(warmUpLogged).orElse(measured)));
    return scenario(scenarioName).exec(connection).injectOpen(atOnceUsers(connections));
  }

  /**
   * When the measured window starts, on the clock of the run's log (epoch milliseconds): the end of
   * the schedule's opening warm-up, from when the first connection joined, which is some time
   * after Gatling's run starts. Empty before any connection joined.
   */
  public OptionalLong measuredFromMillis() {
    long start = logStart;
    return start == 0 ? OptionalLong.empty() : OptionalLong.of(start + schedule.measuredStart().toMillis());
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
   * A connection's pacing: its next due time and what its next iteration is. One object per
   * connection, in its session from the start and changed in place, only by its own virtual user,
   * one iteration after the other: no new session per iteration.
   */
  static final class Connection {
    private final long index;
    private final IntendedTimes.Send send = new IntendedTimes.Send();
    /** The next send's due time (System.nanoTime). */
    private long due;
    /** The due time of the iteration going out: its lag is taken from it. */
    private long intended;
    /** When its previous iteration had ended (System.nanoTime): the generator's own lag is taken from here when it is later. */
    private long free;
    private long droppedSends;
    private long period;
    private boolean active;
    private boolean warmUp;
    private String group;

    Connection(long index, long due) {
      this.index = index;
      this.due = due;
    }
  }

  private static Connection connectionOf(Session session) {
    return session.get(CONNECTION);
  }

  /**
   * All connections open at once; their first sends are spread evenly over one period of the
   * first rate so that the rate is smooth from the start, except for bursts, which send together.
   */
  Session join(Session session) {
    // read before the epoch: no send due after the epoch can be stamped before this millisecond
    long logNow = logClock.nowMillis();
    if (epoch.compareAndSet(0, System.nanoTime())) {
      logStart = logNow;
    }
    // by every joiner, before its first iteration: another may join between the first's two lines
    nextShared.compareAndSet(0, epoch.get());
    long index = (session.userId() - 1) % connections;
    long offset = startTogether || schedule.closed() ? 0 : schedule.advance(Duration.ZERO, index).toNanos();
    Connection connection = new Connection(index, epoch.get() + offset);
    return session.set(CONNECTION, connection).set(IntendedTimes.SEND, connection.send);
  }

  /**
   * The action that paces each iteration of a connection, then hands it to {@code next}; with
   * {@code shared}, the connection takes the next send of the schedule not yet taken, else the next
   * of its own share. {@code logClock} is Gatling's, which stamps the log: the measured window's
   * start is read from it.
   */
  Action pacer(Action next, boolean shared, Clock logClock) {
    this.logClock = logClock;
    return new Pacer(next, shared);
  }

  /**
   * The Gatling action that plans a connection's next iteration and holds it on the virtual user's
   * event loop until the first tick at or after its due time (Gatling's {@code pause} rounds down to
   * the millisecond, which sent up to 1 ms early), then records the lag of a measured one as it goes out.
   */
  private final class Pacer extends GatlingAction {
    private final Action next;
    private final boolean shared;

    Pacer(Action next, boolean shared) {
      super("paced send");
      this.next = next;
      this.shared = shared;
    }

    @Override
    public void execute(io.gatling.core.session.Session session) {
      Connection connection = connectionOf(new Session(session));
      long now = System.nanoTime();
      long wait = schedule.closed() ? scheduleWorker(connection, now) : shared ? takeShared(connection, now) : schedule(connection, now);
      io.gatling.core.session.Session planned = withGroup(session, connection.group);
      if (wait > 0) {
        session.eventLoop().schedule(() -> send(connection, planned), nextTick(now + wait) - now, TimeUnit.NANOSECONDS);
      } else {
        send(connection, planned);
      }
    }

    private void send(Connection connection, io.gatling.core.session.Session session) {
      if (connection.active && !connection.warmUp) {
        long sent = System.nanoTime();
        long lag = Math.max(0, sent - connection.intended);
        long generatorLag = Math.max(0, sent - Math.max(connection.intended, connection.free));
        intendedTimes.recordIteration(connection.send, lag, generatorLag, connection.droppedSends, connection.period);
      }
      next.$bang(session);
    }
  }

  /**
   * The first tick of the schedule (a whole {@link #TICK} since its start) at or after {@code due}:
   * the sends due within one tick share one wake-up of the event loop, which costs more CPU than
   * the send itself, and none goes out before it is due.
   */
  private long nextTick(long due) {
    long tick = TICK.toNanos();
    return epoch.get() - Math.floorDiv(epoch.get() - due, tick) * tick;
  }

  /** The session with the step's group for the requests' names, a new session only when the group changes. */
  private static io.gatling.core.session.Session withGroup(io.gatling.core.session.Session session, String group) {
    if (group == null || session.attributes().get(GROUP).contains(group)) {
      return session;
    }
    return session.set(GROUP, group);
  }

  /** Plans a paced connection's next iteration, the next of its own share; returns how long it waits for it (ns). */
  private long schedule(Connection connection, long now) {
    long intended = connection.due;
    long due = Math.max(intended, now - MAX_BACKLOG.toNanos());
    long nextDue = epoch.get() + schedule.advance(Duration.ofNanos(due - epoch.get()), connections).toNanos();
    return plan(connection, intended, due, nextDue, nextDue - due, now);
  }

  /**
   * Plans a free connection's next iteration, the next send of the shared schedule no connection
   * has taken; returns how long it waits for it (ns). Past the schedule's end it sends nothing.
   */
  private long takeShared(Connection connection, long now) {
    while (true) {
      long intended = nextShared.get();
      if (intended - epoch.get() >= schedule.duration().toNanos()) {
        connection.due = intended;
        connection.active = false;
        return 0;
      }
      long due = Math.max(intended, now - MAX_BACKLOG.toNanos());
      long next = epoch.get() + schedule.advance(Duration.ofNanos(due - epoch.get()), 1).toNanos();
      if (nextShared.compareAndSet(intended, next)) {
        return plan(connection, intended, due, next, next - due, now);
      }
    }
  }

  /**
   * A connection's next iteration: really due at {@code intended}, sent at {@code due} (later when
   * the sends between are dropped, {@code period} apart), its next due at {@code nextDue}.
   */
  private long plan(Connection connection, long intended, long due, long nextDue, long period, long now) {
    Step step = schedule.stepAt(Duration.ofNanos(due - epoch.get()));
    connection.due = nextDue;
    connection.active = true;
    connection.warmUp = step.warmUp();
    connection.group = step.group();
    if (!step.warmUp()) {
      measuredIterations.increment();
      // the lag is taken from the real due time, not the clamped one: the sends between them are dropped
      connection.intended = intended;
      connection.free = now;
      connection.period = period;
      connection.droppedSends = (due - intended) / period;
    }
    return Math.max(0, due - now);
  }

  /**
   * A worker of a closed schedule: sends now if the step in force has work for it, else waits for
   * the next step. A worker has no due time, so it is its own intended send time (no lag).
   */
  private long scheduleWorker(Connection connection, long now) {
    Duration elapsed = Duration.ofNanos(now - epoch.get());
    if (elapsed.compareTo(schedule.duration()) >= 0) {
      connection.due = now;
      connection.active = false;
      return 0;
    }
    Step step = schedule.stepAt(elapsed);
    if (connection.index >= step.workers()) {
      connection.due = epoch.get() + schedule.endOf(step).toNanos();
      connection.active = false;
      return connection.due - now;
    }
    connection.due = now;
    connection.active = true;
    connection.warmUp = step.warmUp();
    connection.group = step.group();
    if (!step.warmUp()) {
      measuredIterations.increment();
      connection.intended = now;
      connection.free = now;
      connection.droppedSends = 0;
      connection.period = 1;
    }
    return 0;
  }
}
