package loadsuite.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.CoreComponents;
import io.gatling.core.action.Action;
import io.gatling.core.session.GroupBlock;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.Session;
import io.netty.channel.DefaultEventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.Option;

/** Timings become Gatling responses of their own name, with their status and message; the session goes on. */
class TimingsTest {
  private record Logged(String scenario, String name, long start, long end, Status status, Option<String> message) {}

  /** A stats engine that keeps what it is given. */
  private static final class Recording implements StatsEngine {
    final List<Logged> responses = new ArrayList<>();

    @Override
    public void start() {}

    @Override
    @SuppressWarnings("rawtypes")
    public void stop(io.gatling.core.actor.ActorRef controller, io.gatling.core.controller.Controller$Command$StopLoadGenerator$Reason reason) {}

    @Override
    public void logUserStart(String scenario) {}

    @Override
    public void logUserEnd(String scenario) {}

    @Override
    public void logResponse(String scenario, scala.collection.immutable.List<String> groups, String name, long start, long end,
        Status status, Option<String> code, Option<String> message) {
      responses.add(new Logged(scenario, name, start, end, status, message));
    }

    @Override
    public void logGroupEnd(String scenario, GroupBlock group, long exit) {}

    @Override
    public void logRequestCrash(String scenario, scala.collection.immutable.List<String> groups, String name, String error) {}
  }

  /** The action after: keeps the session it is given. */
  private static final class Next implements Action {
    io.gatling.core.session.Session received;

    @Override
    public String name() {
      return "next";
    }

    @Override
    public void execute(io.gatling.core.session.Session session) {
      received = session;
    }

    @Override
    public Logger logger() {
      return null;
    }

    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}
  }

  private final DefaultEventLoop eventLoop = new DefaultEventLoop();

  @AfterEach
  void stopEventLoop() {
    eventLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
  }

  /** Runs {@code action} on a new session, on the session's event loop as Gatling does. */
  private void run(Action action) throws Exception {
    io.gatling.core.session.Session session = new io.gatling.core.session.Session("pollers", 7,
        scala.collection.immutable.Map$.MODULE$.empty(), OK$.MODULE$,
        scala.jdk.javaapi.CollectionConverters.asScala(List.<io.gatling.core.session.Block>of()).toList(),
        io.gatling.core.session.Session.NothingOnExit(), eventLoop);
    eventLoop.submit(() -> action.execute(session)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void eachTimingIsLoggedAsAResponseOfItsNameAndTheSessionGoesOn() throws Exception {
    Recording stats = new Recording();
    Next next = new Next();
    Timings.RecordingAction action = new Timings.RecordingAction("update detection",
        session -> new Timings.Measured(session.set("detected", 2),
            List.of(Timings.Timing.ok(1_000, 4_000), Timings.Timing.failed(2_000, 9_000, "not held within 7 s"))),
        stats, next);

    run(action);

    assertThat(stats.responses).containsExactly(
        new Logged("pollers", "update detection", 1_000, 4_000, OK$.MODULE$, Option.empty()),
        new Logged("pollers", "update detection", 2_000, 9_000, KO$.MODULE$, Option.apply("not held within 7 s")));
    assertThat(new Session(next.received).getInt("detected")).isEqualTo(2);
    assertThat(next.received.isFailed()).as("a failed timing fails the session, as a failed request does").isTrue();
  }

  @Test
  void noTimingLogsNothing() throws Exception {
    Recording stats = new Recording();
    Next next = new Next();
    run(new Timings.RecordingAction("update detection", session -> new Timings.Measured(session, List.of()), stats, next));
    assertThat(stats.responses).isEmpty();
    assertThat(next.received.isFailed()).isFalse();
  }

  @Test
  void itsNameIsNotedLikeARequestsSoThatGoalsMayNameIt() {
    NamedRequests.Built<?> built = NamedRequests.collect(
        () -> Timings.record("update detection", session -> new Timings.Measured(session, List.of())));
    assertThat(built.names()).containsExactly("update detection");
  }

  @Test
  void aTimingBuiltForTheWarmUpRecordsNothing() throws Exception {
    Recording stats = new Recording();
    Next next = new Next();
    Function<Session, Timings.Measured> measure = session -> new Timings.Measured(session, List.of(Timings.Timing.ok(1_000, 4_000)));

    run(Timings.record("update detection", measure).asScala().build(context(stats), next));
    assertThat(stats.responses).as("built for the measured chain").hasSize(1);

    Action warmUp = WarmUp.build(() -> Timings.record("update detection", measure)).asScala().build(context(stats), next);
    assertThat(warmUp).as("no action: the virtual user goes straight on, nothing measured").isSameAs(next);
  }

  /** A scenario's context with what the recording action reads of it: the stats engine. */
  private static ScenarioContext context(StatsEngine stats) {
    return new ScenarioContext(new CoreComponents(null, null, null, Option.empty(), stats, null, null, null), null, null, false);
  }

  @Test
  void aTimingCannotEndBeforeItStarts() {
    assertThatThrownBy(() -> Timings.Timing.ok(5, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
