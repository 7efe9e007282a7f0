package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import loadsuite.config.Section;
import loadsuite.config.TargetsException;
import loadsuite.goals.Goal;
import loadsuite.goals.Metric;
import loadsuite.results.RunSummary.GoalResult;
import loadsuite.results.RunSummary.Percentiles;
import org.junit.jupiter.api.Test;

/** A spike's "no dropped request": every planned iteration sent, none dropped behind schedule, judged on the generator's counts. */
class SendGoalsTest {
  private static final Percentiles NONE = new Percentiles("x", 0, 0, 0, 0, 0, 0);

  @Test
  void achievedIsTheShareOfThePlannedIterationsSentAtLeast() {
    List<Goal> goals = read("{\"global\": {\"achieved\": \"100%\"}}");
    assertThat(judge(goals, 0, 380, 380)).singleElement().satisfies(r -> {
      assertThat(r.met()).isTrue();
      assertThat(r.actual()).isEqualTo(100.0);
    });
    assertThat(judge(goals, 0, 379, 380)).singleElement().satisfies(r -> {
      assertThat(r.met()).isFalse();
      assertThat(r.message()).isEqualTo("achieved 379 of 380 planned iterations (99.74 %); goal >= 100%");
    });
  }

  @Test
  void droppedSendsAreCountedAtMost() {
    List<Goal> goals = read("{\"global\": {\"dropped-sends\": 0}}");
    assertThat(judge(goals, 0, 100, 100)).singleElement().satisfies(r -> assertThat(r.met()).isTrue());
    assertThat(judge(goals, 3, 100, 100)).singleElement().satisfies(r -> {
      assertThat(r.met()).isFalse();
      assertThat(r.goal()).isEqualTo("dropped sends <= 0");
      assertThat(r.message()).isEqualTo("3 sends dropped (a connection more than its backlog behind); goal <= 0");
    });
  }

  @Test
  void sendGoalsAreOfTheIterationsNotOfARequest() {
    assertThatThrownBy(() -> read("{\"GET /simple\": {\"dropped-sends\": 0}}")).isInstanceOf(TargetsException.class)
        .hasMessageContaining("set under global");
    assertThatThrownBy(() -> read("{\"global\": {\"dropped-sends\": -1}}")).isInstanceOf(TargetsException.class)
        .hasMessageContaining("a whole number, 0 or more");
    assertThat(read("{\"global\": {\"achieved\": \"98%\"}}")).singleElement().satisfies(g -> {
      assertThat(g.metric()).isEqualTo(Metric.ACHIEVED);
      assertThat(g.metric().fromSchedule()).isTrue();
    });
  }

  private static List<GoalResult> judge(List<Goal> goals, long dropped, long achieved, long planned) {
    return ScheduleResults.judge(goals, new RunSummary.Schedule(NONE, NONE, dropped, NONE, List.of()), achieved, planned);
  }

  private static List<Goal> read(String json) {
    return Goal.readAll(Section.fromJson(json, "runtime.spike.goals", "targets.conf"));
  }
}
