package loadsuite.load;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.stats.StatsEngine;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;
import scala.Option;

/**
 * Times a simulation measures itself, that are no single request's response time (from an upload
 * to the moment a client holds what was uploaded, say), recorded in Gatling's statistics as
 * requests of their own name. Goals name them as they name a request, and they appear in the run
 * report, summary.json, junit.xml and Gatling's report like one; their name is noted as
 * {@link NamedRequests#http} notes a request's. A failed timing (one that never ended in time)
 * counts as a failed request.
 */
public final class Timings {
  private Timings() {}

  /** One measured time, from {@code startMillis} to {@code endMillis} (epoch milliseconds). */
  public record Timing(long startMillis, long endMillis, boolean ok, String message) {
    public Timing {
      if (endMillis < startMillis) {
        throw new IllegalArgumentException("a timing ends before it starts: " + startMillis + " > " + endMillis);
      }
    }

    public static Timing ok(long startMillis, long endMillis) {
      return new Timing(startMillis, endMillis, true, null);
    }

    /** A timing that failed, with the reason Gatling's report lists among the errors. */
    public static Timing failed(long startMillis, long endMillis, String message) {
      return new Timing(startMillis, endMillis, false, message);
    }
  }

  /** What a measurement gives back: the session to go on with, and the timings it completed (often none). */
  public record Measured(Session session, List<Timing> timings) {
    public Measured {
      timings = List.copyOf(timings);
    }
  }

  /**
   * An action that asks {@code measure} for the timings this session has completed and records
   * each as a request named {@code name}; the virtual user goes on with the session it returns. In
   * the warm-up ({@link WarmUp}) no action: nothing is measured or recorded.
   */
  public static ActionBuilder record(String name, Function<Session, Measured> measure) {
    NamedRequests.noted(name);
    // decided now, as the chain is built: Gatling builds the actions later, outside the warm-up's scope
    io.gatling.core.action.builder.ActionBuilder builder = WarmUp.building() ? (context, next) -> next
        : (context, next) -> new RecordingAction(name, measure, context.coreComponents().statsEngine(), next);
    return () -> builder;
  }

  /** The Gatling action: logs each timing as a response, then hands the session to the next action. */
  static final class RecordingAction extends GatlingAction {
    private final String name;
    private final Function<Session, Measured> measure;
    private final StatsEngine stats;
    private final Action next;

    RecordingAction(String name, Function<Session, Measured> measure, StatsEngine stats, Action next) {
      super("timings of " + name);
      this.name = name;
      this.measure = measure;
      this.stats = stats;
      this.next = next;
    }

    @Override
    public void execute(io.gatling.core.session.Session session) {
      Measured measured = measure.apply(new Session(session));
      io.gatling.core.session.Session after = measured.session().asScala();
      for (Timing timing : measured.timings()) {
        stats.logResponse(after.scenario(), after.groups(), name, timing.startMillis(), timing.endMillis(),
            timing.ok() ? OK$.MODULE$ : KO$.MODULE$, Option.empty(), Option.apply(timing.message()));
        if (!after.groups().isEmpty()) {
          after = after.logGroupRequestTimings(timing.startMillis(), timing.endMillis());
        }
        if (!timing.ok()) {
          after = after.markAsFailed();
        }
      }
      next.$bang(after);
    }
  }
}
