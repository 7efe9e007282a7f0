package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.javaapi.core.Session;
import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import loadsuite.config.Rate;
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
    return new PacedConnections(new Workload("runtime.sustained", 1, warmUp, shape, 1, null));
  }

  /** Joins a new virtual user and paces its first iteration; the session the next action was given. */
  private Session firstIteration(PacedConnections connections) throws Exception {
    io.gatling.core.session.Session user = new io.gatling.core.session.Session("paced", 1,
        scala.collection.immutable.Map$.MODULE$.empty(), OK$.MODULE$,
        scala.jdk.javaapi.CollectionConverters.asScala(List.<io.gatling.core.session.Block>of()).toList(),
        io.gatling.core.session.Session.NothingOnExit(), eventLoop);
    CompletableFuture<io.gatling.core.session.Session> passedOn = new CompletableFuture<>();
    Action pacer = connections.pacer(new GatlingAction("next") {
      @Override
      public void execute(io.gatling.core.session.Session session) {
        passedOn.complete(session);
      }
    });
    Session joined = connections.join(new Session(user));
    eventLoop.execute(() -> pacer.execute(joined.asScala()));
    return new Session(passedOn.get(10, TimeUnit.SECONDS));
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

  @Test
  void aWarmUpIterationGoesOutUnmeasured() throws Exception {
    PacedConnections connections = connections(new Shape.Sustained(new Rate(1000), Duration.ofSeconds(1)), Duration.ofSeconds(10));
    firstIteration(connections);

    assertThat(connections.measuredIterations()).isZero();
    assertThat(connections.intendedTimes().lag().getTotalCount()).isZero();
  }

  @Test
  void aStaircaseIterationCarriesItsLevelAsTheGroupOfItsRequests() throws Exception {
    Shape.Stress stress = new Shape.Stress(new Rate(100), new Rate(10_000), Duration.ofMinutes(5), 10, new Rate(5000));
    Session session = firstIteration(connections(stress, Duration.ZERO));

    assertThat(session.getString("pacedGroup")).isEqualTo("level 100/s");
  }
}
