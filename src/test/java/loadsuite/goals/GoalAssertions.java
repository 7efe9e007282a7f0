package loadsuite.goals;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import loadsuite.config.TargetsException;
import loadsuite.load.NamedRequests;
import loadsuite.load.RateSchedule;
import loadsuite.load.Shape;
import loadsuite.load.Workload;

/**
 * Turns the goals of a workload into Gatling assertions: the suite judges them with Gatling's
 * validator on the run's exact figures (a missed one fails the run, exit status 2), and Gatling
 * itself is given those on counts ({@link GoalAssertion#countsOnly()}).
 *
 * <p>Throughput goals are asserted as request counts over the measured window: Gatling divides
 * a request count by the whole run, warm-up included, so its own requests-per-second would
 * understate the measured rate.
 */
public final class GoalAssertions {
  private GoalAssertions() {}

  /**
   * @param requestNames the names of the requests the simulation sends: goals may name only these
   */
  public static List<GoalAssertion> of(Workload workload, List<Goal> goals, Collection<String> requestNames) {
    return of(workload, goals, requestNames, List.of(), Map.of());
  }

  /**
   * @param requestNames the paths of the requests the simulation sends ({@code search}, or
   *     {@code journey / search} inside a group)
   * @param groupNames the paths of the groups it sends them in ({@code journey}): a goal on a group
   *     is asserted on the group's cumulated response time, its count and its failed share
   * @param bytesPerRequest the body size of the requests that carry a known one: data-rate goals may sit on these
   */
  public static List<GoalAssertion> of(Workload workload, List<Goal> goals, Collection<String> requestNames,
      Collection<String> groupNames, Map<String, Long> bytesPerRequest) {
    for (Goal goal : goals) {
      if (!Goal.GLOBAL.equals(goal.scope()) && !requestNames.contains(goal.scope()) && !groupNames.contains(goal.scope())) {
        throw new TargetsException("goal on unknown request \"" + goal.scope() + "\" in " + workload.path()
            + ".goals; this simulation sends " + quoted(requestNames)
            + (groupNames.isEmpty() ? "" : ", in the groups " + quoted(groupNames)));
      }
      if (goal.metric() == Metric.MESSAGE_RATE && workload.batchSize() == 1) {
        throw new TargetsException(workload.path() + ".goals: message-rate needs batch-size (messages per request) on the workload");
      }
      if (goal.metric() == Metric.DATA_RATE && !bytesPerRequest.containsKey(goal.scope())) {
        throw new TargetsException(workload.path() + ".goals.\"" + goal.scope() + "\": data-rate needs a request whose bytes the"
            + " simulation knows; it knows those of " + (bytesPerRequest.isEmpty() ? "none" : String.join(", ",
                bytesPerRequest.keySet().stream().map(n -> "\"" + n + "\"").toList())));
      }
    }
    if (workload.schedule().closed() && goals.stream().anyMatch(goal -> goal.metric().kind == Metric.Kind.THROUGHPUT && goal.percent() != null)) {
      throw new TargetsException(workload.path() + ".goals: workers send as fast as they can and plan no count; write a throughput"
          + " goal as a rate (for example 10/s) or a data-rate, not as a share of planned");
    }
    if (workload.shape() instanceof Shape.Staircase staircase) {
      if (requestNames.size() != 1 && onResponses(goals).stream().anyMatch(goal -> Goal.GLOBAL.equals(goal.scope()))) {
        throw new TargetsException(workload.path() + ".goals: a staircase judges each level on a request or group; this simulation"
            + " sends several (" + quoted(requestNames) + "), so name them instead of global");
      }
      return levels(workload, staircase, goals, requestNames, bytesPerRequest, staircase.levelsUpToKnee());
    }
    RateSchedule schedule = workload.schedule();
    double seconds = schedule.measuredSeconds();
    List<GoalAssertion> assertions = new ArrayList<>();
    for (Goal goal : onResponses(goals)) {
      boolean global = Goal.GLOBAL.equals(goal.scope());
      Assertion.WithPath path = global ? global() : details(NamedRequests.parts(goal.scope()).toArray(String[]::new));
      long units = goal.metric() == Metric.DATA_RATE ? bytesPerRequest.get(goal.scope()) : workload.batchSize();
      assertions.add(new GoalAssertion(goal, global ? GoalAssertion.ALL_REQUESTS : goal.scope(),
          assertion(goal, path, schedule.plannedMeasuredIterations(), seconds, units), seconds, units, GoalAssertion.TARGETS));
    }
    return assertions;
  }

  /** The goals judged over the responses of the run's log; the others over the generator's schedule, the whole measured window. */
  private static List<Goal> onResponses(List<Goal> goals) {
    return goals.stream().filter(goal -> !goal.metric().fromSchedule()).toList();
  }

  private static String quoted(Collection<String> names) {
    return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
  }

  /**
   * The goals of a staircase, each on every one of the given levels: a goal on {@code global} is
   * one on the only request. A run meets them on every level up to the knee goal (that is what
   * the knee means); on all levels, they find the knee reached.
   */
  public static List<GoalAssertion> levels(Workload workload, Shape.Staircase staircase, List<Goal> goals,
      Collection<String> requestNames, Map<String, Long> bytesPerRequest, List<Shape.Staircase.Level> levels) {
    double seconds = staircase.levelSeconds();
    List<GoalAssertion> assertions = new ArrayList<>();
    for (Shape.Staircase.Level level : levels) {
      for (Goal goal : onResponses(goals)) {
        String scope = Goal.GLOBAL.equals(goal.scope()) ? requestNames.iterator().next() : goal.scope();
        List<String> path = new ArrayList<>(List.of(level.name()));
        path.addAll(NamedRequests.parts(scope));
        long units = goal.metric() == Metric.DATA_RATE ? bytesPerRequest.get(goal.scope()) : workload.batchSize();
        assertions.add(new GoalAssertion(goal, String.join(NamedRequests.SEPARATOR, path),
            assertion(goal, details(path.toArray(String[]::new)), level.plannedIterations(), seconds, units), seconds, units,
            GoalAssertion.TARGETS));
      }
    }
    return assertions;
  }

  /** @param unitsPerRequest messages per request (message-rate), bytes per request (data-rate), else 1 */
  public static Assertion assertion(Goal goal, Assertion.WithPath path, long planned, double seconds, long unitsPerRequest) {
    return switch (goal.metric().kind) {
      case RESPONSE_TIME -> {
        int ms = Math.toIntExact(goal.time().toMillis());
        var time = path.responseTime();
        yield switch (goal.metric()) {
          case MAX -> time.max().lt(ms);
          case MEAN -> time.mean().lt(ms);
          default -> time.percentile(goal.metric().percentile).lt(ms);
        };
      }
      case FAILED -> path.failedRequests().percent().lte(goal.percent().value());
      case THROUGHPUT -> path.allRequests().count().gte(requiredCount(goal, planned, seconds, unitsPerRequest));
      case SCHEDULE_LAG, INTENDED_TIME, SENDS -> throw new IllegalArgumentException(goal.metric().key + " is judged by the suite, not by Gatling");
    };
  }

  /** The request count that meets a throughput goal over the measured window. */
  static long requiredCount(Goal goal, long planned, double seconds, long unitsPerRequest) {
    if (goal.percent() != null) {
      return (long) Math.ceil(planned * goal.percent().fraction());
    }
    double perSecond = switch (goal.metric()) {
      case MESSAGE_RATE -> goal.rate().perSecond() / unitsPerRequest;
      case DATA_RATE -> goal.dataRate().bytesPerSecond() / unitsPerRequest;
      default -> goal.rate().perSecond();
    };
    return (long) Math.ceil(perSecond * seconds);
  }
}
