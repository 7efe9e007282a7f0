package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.javaapi.core.Session;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import loadsuite.config.Rate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pacing action: what an iteration records as it goes out, in the warm-up and after. */
class PacedConnectionsTest {
  private final DefaultEventLoop eventLoop = new DefaultEventLoop();

  @AfterEach
  void stopEventLoop() {
    eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
  }

  private static PacedConnections connections(Shape shape, Duration warmUp) {
    return connections(1, shape, warmUp);
  }

  private static PacedConnections connections(int count, Shape shape, Duration warmUp) {
    return new PacedConnections(new Workload("runtime.sustained", count, warmUp, shape, 1, null));
  }

  /**
   * A joined virtual user and the pacer of its connection (sharing the schedule with the others),
   * which paces an iteration at each {@link #iterate()}.
   */
  private final class User {
    /** Gatling's clock stands still here: the log's start is read from it. */
    static final long LOG_CLOCK_MILLIS = 1_700_000_000_000L;
    private final BlockingQueue<io.gatling.core.session.Session> passedOn = new LinkedBlockingQueue<>();
    private final Action pacer;
    private final Session joined;

    User(PacedConnections connections) {
      io.gatling.core.session.Session user = new io.gatling.core.session.Session("paced", 1,
          scala.collection.immutable.Map$.MODULE$.empty(), OK$.MODULE$,
          scala.jdk.javaapi.CollectionConverters.asScala(List.<io.gatling.core.session.Block>of()).toList(),
          io.gatling.core.session.Session.NothingOnExit(), eventLoop);
      pacer = connections.pacer(new GatlingAction("next") {
        @Override
        public void execute(io.gatling.core.session.Session session) {
          passedOn.add(session);
        }
      }, true, () -> LOG_CLOCK_MILLIS);
      joined = connections.join(new Session(user));
    }

    /** Paces the connection's next iteration on its event loop; the session the next action was given. */
    Session iterate() throws Exception {
      eventLoop.execute(() -> pacer.execute(joined.asScala()));
      io.gatling.core.session.Session next = passedOn.poll(10, TimeUnit.SECONDS);
      assertThat(next).as("the iteration was passed on").isNotNull();
      return new Session(next);
    }
  }

  private Session firstIteration(PacedConnections connections) throws Exception {
    return new User(connections).iterate();
  }

  @Test
  void aMeasuredIterationIsCountedWithItsLagAsItGoesOut() throws Exception {
    PacedConnections connections = connections(new Shape.Sustained(new Rate(1000), Duration.ofSeconds(1)), Duration.ZERO);
    Session session = firstIteration(connections);

    assertThat(connections.measuredIterations()).isEqualTo(1);
    assertThat(connections.intendedTimes().lag().getTotalCount()).isEqualTo(1);
    assertThat(connections.intendedTimes().droppedSends()).isZero();
    assertThat(session.contains(IntendedTimes.SEND)).as("its responses are recorded with its send").isTrue();
  }

  /**
   * A connection busy past its next due time (its previous iteration's answer came late) sends as
   * soon as it is free: the wait is in the lag, not in the generator's own part of it.
   */
  @Test
  void theTimeAConnectionWasBusyPastItsDueTimeIsNotTheGenerators() throws Exception {
    PacedConnections connections = connections(new Shape.Sustained(new Rate(1000), Duration.ofSeconds(10)), Duration.ZERO);
    User user = new User(connections);
    user.iterate();
    // its next iteration was due 1 ms after its first; the first ends 50 ms later
    Thread.sleep(50);
    user.iterate();

    Histogram lag = connections.intendedTimes().lag();
    Histogram own = connections.intendedTimes().generatorLag();
    assertThat(lag.getTotalCount()).isEqualTo(2);
    assertThat(own.getTotalCount()).isEqualTo(2);
    // lag − own, over both iterations: the time the connection was busy past its due times, at least
    // the 49 ms the second waited beyond its own
    assertThat((lag.getMean() - own.getMean()) * 2).isGreaterThanOrEqualTo(48_900);
  }

  /**
   * Two connections share 1000 sends a second for 3 ms: one that is free whenever a send is due
   * takes all three, whatever the other does, and none past the end.
   */
  @Test
  void aFreeConnectionTakesTheNextSendNoConnectionHasTaken() throws Exception {
    PacedConnections connections = connections(2, new Shape.Sustained(new Rate(1000), Duration.ofMillis(3)), Duration.ZERO);
    User user = new User(connections);
    for (int i = 0; i < 4; i++) {
      user.iterate();
    }

    assertThat(connections.measuredIterations()).isEqualTo(3);
    assertThat(connections.intendedTimes().lag().getTotalCount()).isEqualTo(3);
  }

  @Test
  void aWarmUpIterationGoesOutUnmeasured() throws Exception {
    PacedConnections connections = connections(new Shape.Sustained(new Rate(1000), Duration.ofSeconds(1)), Duration.ofSeconds(10));
    firstIteration(connections);

    assertThat(connections.measuredIterations()).isZero();
    assertThat(connections.intendedTimes().lag().getTotalCount()).isZero();
  }

  /** The log's clock, read as the first connection joins, plus the opening warm-up: where the cut and the report start. */
  @Test
  void theMeasuredWindowStartsAfterTheWarmUpFromTheFirstJoinOnTheLogsClock() {
    PacedConnections connections = connections(new Shape.Sustained(new Rate(1000), Duration.ofSeconds(1)), Duration.ofSeconds(10));
    assertThat(connections.measuredFromMillis()).as("before any connection joined").isEmpty();

    new User(connections);

    assertThat(connections.measuredFromMillis()).hasValue(User.LOG_CLOCK_MILLIS + 10_000);
  }

  @Test
  void aStaircaseIterationCarriesItsLevelAsTheGroupOfItsRequests() throws Exception {
    Shape.Stress stress = new Shape.Stress(new Rate(100), new Rate(10_000), Duration.ofMinutes(5), 10, new Rate(5000));
    Session session = firstIteration(connections(stress, Duration.ZERO));

    assertThat(session.getString("pacedGroup")).isEqualTo("level 100/s");
  }
}
