package loadsuite.goals;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import loadsuite.config.DataRate;
import loadsuite.config.Percent;
import loadsuite.config.Rate;
import loadsuite.config.TargetsException;
import loadsuite.load.NamedRequests;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import org.junit.jupiter.api.Test;

class GoalAssertionsTest {
  private static final Workload SUSTAINED = new Workload("runtime.sustained", 100, Duration.ofSeconds(15),
      new Shape.Sustained(new Rate(1000), Duration.ofSeconds(60)), 1, null);

  private static Goal time(String scope, Metric metric, long ms) {
    return new Goal(scope, metric, Duration.ofMillis(ms), null, null);
  }

  /** A step that stands for a request named {@code name}. */
  private static ChainBuilder request(String name) {
    String noted = NamedRequests.noted(name);
    return exec(session -> session.set("sent", noted));
  }

  private static List<String> rendered(List<GoalAssertion> assertions) {
    return assertions.stream().map(a -> a.assertion().asScala().toString()).toList();
  }

  @Test
  void responseTimeGoalsBecomeStrictUpperBoundsInMilliseconds() {
    List<GoalAssertion> assertions = GoalAssertions.of(SUSTAINED, List.of(
        time(Goal.GLOBAL, Metric.P95, 20), time("GET /simple", Metric.P99, 50), time(Goal.GLOBAL, Metric.MAX, 900)),
        List.of("GET /simple"));
    assertThat(rendered(assertions)).satisfiesExactly(
        a -> assertThat(a).contains("Global").contains("Percentile(95.0)").contains("Lt(20.0)"),
        a -> assertThat(a).contains("List(GET /simple)").contains("Percentile(99.0)").contains("Lt(50.0)"),
        a -> assertThat(a).contains("Global").contains("Max").contains("Lt(900.0)"));
  }

  @Test
  void failedGoalIsAPercentageAtMost() {
    List<GoalAssertion> assertions = GoalAssertions.of(SUSTAINED, List.of(new Goal(Goal.GLOBAL, Metric.FAILED, null, new Percent(0), null)),
        List.of("GET /simple"));
    assertThat(rendered(assertions)).singleElement().asString().contains("FailedRequests").contains("Percent").contains("Lte(0.0)");
  }

  @Test
  void throughputIsACountOverTheMeasuredWindow() {
    Goal share = new Goal(Goal.GLOBAL, Metric.THROUGHPUT, null, new Percent(98), null);
    Goal absolute = new Goal("GET /simple", Metric.THROUGHPUT, null, null, new Rate(900));
    assertThat(rendered(GoalAssertions.of(SUSTAINED, List.of(share, absolute), List.of("GET /simple")))).satisfiesExactly(
        a -> assertThat(a).contains("AllRequests").contains("Count").contains("Gte(58800.0)"),
        a -> assertThat(a).contains("List(GET /simple)").contains("Gte(54000.0)"));
  }

  @Test
  void messageRateDividesByTheBatchSize() {
    Workload queue = new Workload("runtime.queue", 50, Duration.ZERO, new Shape.Sustained(new Rate(200), Duration.ofSeconds(60)), 100, null);
    Goal goal = new Goal(Goal.GLOBAL, Metric.MESSAGE_RATE, null, null, new Rate(10_000));
    assertThat(rendered(GoalAssertions.of(queue, List.of(goal), List.of("POST /queue/{topic}")))).singleElement().asString()
        .contains("Gte(6000.0)");
  }

  @Test
  void dataRateIsTheCountOfRequestsThatMovesThatManyBytes() {
    // 125 MB/s over 60 s of 6 MiB copies: 125e6 * 60 / 6291456 = 1192.09… copies
    Goal goal = new Goal("PUT manifest", Metric.DATA_RATE, null, null, null, loadsuite.config.DataRate.parse("125MB/s"), null);
    List<GoalAssertion> assertions = GoalAssertions.of(SUSTAINED, List.of(goal), List.of("PUT manifest"), List.of(),
        java.util.Map.of("PUT manifest", 6L << 20));
    assertThat(rendered(assertions)).singleElement().asString().contains("Gte(1193.0)");
    assertThat(assertions.get(0).unitsPerRequest()).isEqualTo(6L << 20);
    assertThat(new loadsuite.results.Verdict(assertions.get(0), true, 1260.0, null, null, 0).message())
        .isEqualTo("data-rate of \"PUT manifest\" was 132.1 MB/s (1260 requests of 6291456 bytes in 60 s); goal >= 125MB/s");
  }

  @Test
  void dataRateOnARequestWhoseBytesAreUnknownIsRejected() {
    Goal goal = new Goal("GET /simple", Metric.DATA_RATE, null, null, null, loadsuite.config.DataRate.parse("1MB/s"), null);
    assertThatThrownBy(() -> GoalAssertions.of(SUSTAINED, List.of(goal), List.of("GET /simple"), List.of(), java.util.Map.of("POST /x", 10L)))
        .isInstanceOf(TargetsException.class).hasMessageContaining("data-rate needs a request whose bytes the simulation knows")
        .hasMessageContaining("\"POST /x\"");
  }

  @Test
  void messageRateWithoutBatchSizeIsRejected() {
    Goal goal = new Goal(Goal.GLOBAL, Metric.MESSAGE_RATE, null, null, new Rate(10_000));
    assertThatThrownBy(() -> GoalAssertions.of(SUSTAINED, List.of(goal), List.of("GET /simple")))
        .isInstanceOf(TargetsException.class).hasMessageContaining("batch-size");
  }

  @Test
  void aGoalOnARequestTheSimulationDoesNotSendIsRejectedBeforeTheRun() {
    assertThatThrownBy(() -> GoalAssertions.of(SUSTAINED, List.of(time("GET /simpel", Metric.P95, 5)), List.of("GET /simple")))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("\"GET /simpel\"")
        .hasMessageContaining("\"GET /simple\"");
  }

  @Test
  void aGoalMayNameAGroupOrARequestInsideItByTheirPaths() {
    // what NamedRequests.http(name) notes (Gatling's HTTP builders need a running Gatling)
    NamedRequests.Built<ChainBuilder> built = NamedRequests.collect(() -> exec(request("search"),
        NamedRequests.group("journey", () -> exec(request("search"), request("install")))));
    assertThat(built.names()).containsExactly("search", "journey / search", "journey / install");
    assertThat(built.groups()).containsExactly("journey");
    Goal throughput = new Goal("journey", Metric.THROUGHPUT, null, null, new Rate(2));
    List<GoalAssertion> assertions = GoalAssertions.of(SUSTAINED, List.of(time("journey", Metric.P95, 30_000),
        time("journey / search", Metric.P95, 200), time("search", Metric.P95, 50), throughput), built.names(), built.groups(), java.util.Map.of());
    assertThat(rendered(assertions)).satisfiesExactly(
        a -> assertThat(a).contains("Details(List(journey))").contains("Percentile(95.0)").contains("Lt(30000.0)"),
        a -> assertThat(a).contains("Details(List(journey, search))").contains("Lt(200.0)"),
        a -> assertThat(a).contains("Details(List(search))").contains("Lt(50.0)"),
        a -> assertThat(a).contains("Details(List(journey))").contains("AllRequests").contains("Gte(120.0)"));
    assertThat(assertions).extracting(GoalAssertion::describe).startsWith("p95 of \"journey\" < 30000ms");
  }

  @Test
  void aGoalOnAGroupTheSimulationDoesNotSendIsRejectedNamingTheGroups() {
    assertThatThrownBy(() -> GoalAssertions.of(SUSTAINED, List.of(time("journy", Metric.P95, 5)),
        List.of("search", "journey / search"), List.of("journey"), java.util.Map.of()))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("\"journy\"")
        .hasMessageContaining("sends \"search\", \"journey / search\", in the groups \"journey\"");
    // a request inside a group is named by its path: its bare name is another scope
    assertThatThrownBy(() -> GoalAssertions.of(SUSTAINED, List.of(time("install", Metric.P95, 5)),
        List.of("journey / install"), List.of("journey"), java.util.Map.of()))
        .isInstanceOf(TargetsException.class).hasMessageContaining("\"install\"");
  }

  @Test
  void aNameWithThePathSeparatorIsRefused() {
    assertThatThrownBy(() -> NamedRequests.noted("a / b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NamedRequests.group("a / b", () -> exec(session -> session)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stressGoalsHoldOnEveryLevelUpToTheKnee() {
    Shape.Stress stress = new Shape.Stress(new Rate(100), new Rate(10_000), Duration.ofMinutes(5), 10, new Rate(5000));
    Workload workload = new Workload("runtime.stress", 100, Duration.ofSeconds(15), stress, 1, null);
    List<Goal> goals = List.of(time(Goal.GLOBAL, Metric.P95, 20), new Goal(Goal.GLOBAL, Metric.THROUGHPUT, null, new Percent(98), null));
    List<String> rendered = rendered(GoalAssertions.of(workload, goals, List.of("GET /simple")));
    assertThat(rendered).hasSize(6 * 2);
    assertThat(rendered).anySatisfy(a -> assertThat(a).contains("List(level 5600/s, GET /simple)").contains("Lt(20.0)"));
    // 98 % of 5600/s for 30 s
    assertThat(rendered).anySatisfy(a -> assertThat(a).contains("List(level 5600/s, GET /simple)").contains("Gte(164640.0)"));
    assertThat(rendered).noneSatisfy(a -> assertThat(a).contains("level 6700/s"));
  }

  @Test
  void aWorkerStaircaseJudgesEachLevelOnTheNamedGroupAndItsBytes() {
    Shape.WorkerStress workers = new Shape.WorkerStress(10, 100, Duration.ofSeconds(100), 10, 50);
    Workload workload = new Workload("freightliner.workers", 100, Duration.ZERO, workers, 1, null);
    List<Goal> goals = List.of(time("copy image", Metric.P95, 2000),
        new Goal("copy image", Metric.DATA_RATE, null, null, null, new DataRate(125_000_000, "MB"), null));
    List<GoalAssertion> assertions = GoalAssertions.of(workload, goals, List.of("copy image / GET source manifest"),
        List.of("copy image"), Map.of("copy image", 12_500_000L));
    List<String> rendered = rendered(assertions);
    assertThat(assertions).extracting(GoalAssertion::scope).contains("level 50 workers / copy image").doesNotContain("level 60 workers / copy image");
    // 125 MB/s over a level of 10 s, at 12.5 MB a copy: 100 copies
    assertThat(rendered).anySatisfy(a -> assertThat(a).contains("List(level 50 workers, copy image)").contains("Gte(100.0)"));
  }

  @Test
  void aStaircaseOfSeveralRequestsNamesThemInsteadOfGlobal() {
    Shape.WorkerStress workers = new Shape.WorkerStress(1, 2, Duration.ofSeconds(20), 2, 2);
    Workload workload = new Workload("freightliner.workers", 2, Duration.ZERO, workers, 1, null);
    assertThatThrownBy(() -> GoalAssertions.of(workload, List.of(time(Goal.GLOBAL, Metric.P95, 20)), List.of("a", "b")))
        .isInstanceOf(TargetsException.class).hasMessageContaining("name them instead of global");
  }

  @Test
  void workersPlanNoCountSoAShareOfPlannedIsRefused() {
    Workload workload = new Workload("freightliner.replication", 2, Duration.ZERO, new Shape.Workers(2, Duration.ofSeconds(10)), 1, null);
    assertThatThrownBy(() -> GoalAssertions.of(workload, List.of(new Goal(Goal.GLOBAL, Metric.THROUGHPUT, null, new Percent(98), null)),
        List.of("GET /health")))
        .isInstanceOf(TargetsException.class).hasMessageContaining("not as a share of planned");
  }

  @Test
  void eachAssertionSaysWhatItAsksInWords() {
    List<GoalAssertion> assertions = GoalAssertions.of(SUSTAINED, List.of(
        time("GET /simple", Metric.P99, 50), new Goal(Goal.GLOBAL, Metric.FAILED, null, new Percent(1), null),
        new Goal(Goal.GLOBAL, Metric.THROUGHPUT, null, new Percent(98), null)), List.of("GET /simple"));
    assertThat(assertions).extracting(GoalAssertion::describe).containsExactly(
        "p99 of \"GET /simple\" < 50ms", "failed requests of all requests <= 1%", "throughput of all requests >= 98%");
  }
}
