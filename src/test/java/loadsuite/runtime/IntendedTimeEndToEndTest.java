package loadsuite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import loadsuite.results.RunSummary;
import loadsuite.results.SummaryFiles;
import loadsuite.suite.GatlingRun;
import org.junit.jupiter.api.Test;

/**
 * A system that stalls for 2 s in the middle of a run, while only one request is in flight: Gatling's
 * own percentiles barely see it (one slow request of hundreds), the latency from the intended send
 * time shows it, and a goal on it fails the run; a goal held second by second passes at 50 % of
 * the seconds and fails at 99 %.
 */
class IntendedTimeEndToEndTest {
  private static final long STALL_AFTER_MS = 3000;
  private static final long STALL_MS = 2000;

  @Test
  void aStallShowsInTheLatencyFromTheIntendedSendTimeWhereGatlingsOwnPercentilesHideIt() throws Exception {
    try (HoldingRuntime runtime = new HoldingRuntime(stall())) {
      GatlingRun.Result run = GatlingRun.run(RuntimeSustainedSimulation.class, Map.of(
          "sut.mode", "external", "sut.url", runtime.url(),
          "runtime.sustained.connections", "1", "runtime.sustained.rate", "50/s",
          "runtime.sustained.warm-up", "1s", "runtime.sustained.duration", "8s",
          "runtime.sustained.goals.global.intended.p99", "1s", "runtime.sustained.goals.global.achieved", "100%",
          "runtime.sustained.goals.global.dropped-sends", "0",
          "overrides", "runtime.sustained.goals.global.held = 50%, runtime.sustained.goals.\"GET /simple\" { p95 = 500ms, held = 99% }"), 180);

      assertThat(runtime.held()).as("the stand-in stalled a request").isPositive();
      RunSummary summary = SummaryFiles.read(GatlingRun.runFolder(run.output()).resolve(SummaryFiles.NAME));
      // the same percentile, measured from the send and from the intended send: Gatling's p95 does not
      // see the stall (its p99, a t-digest estimate over one 2 s sample among ~350, may land anywhere between)
      assertThat(summary.global().p95()).as("Gatling's own p95").isLessThan(500);
      RunSummary.Schedule schedule = summary.schedule();
      assertThat(schedule.global().p95()).as("p95 from the intended send time").isGreaterThanOrEqualTo(1000);
      assertThat(schedule.global().p99()).as("p99 from the intended send time").isGreaterThanOrEqualTo(1500);
      assertThat(schedule.global().max()).isGreaterThanOrEqualTo(1500);
      assertThat(schedule.lag().max()).as("the lag of the sends held back by the stall").isGreaterThanOrEqualTo(1500);
      assertThat(schedule.droppedSends()).as("sends dropped more than 1 s behind").isPositive();
      assertThat(schedule.requests()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("GET /simple"));

      assertThat(summary.goals()).filteredOn(g -> g.metric().equals("intended.p99")).singleElement().satisfies(goal -> {
        assertThat(goal.met()).isFalse();
        assertThat(goal.actual()).isGreaterThanOrEqualTo(1500);
      });
      assertThat(run.output()).contains("Goal missed: intended.p99 of all requests was");
      // what a spike's "no dropped request" checks beside failed = 0%, which this run meets
      assertThat(summary.goals()).filteredOn(g -> g.metric().equals("failed")).singleElement().satisfies(g -> assertThat(g.met()).isTrue());
      assertThat(run.output()).containsPattern("Goal missed: achieved \\d+ of \\d+ planned iterations \\([\\d.]+ %\\); goal >= 100%")
          .contains("Goal missed: " + schedule.droppedSends() + " sends dropped");
      // the seconds of the stall held no goal: a share of the seconds that half of them reach, and 99 % does not
      assertThat(summary.held()).extracting(h -> h.scope() + " " + h.metric() + " " + h.met())
          .containsExactlyInAnyOrder("all requests p95 true", "all requests failed true", "GET /simple p95 false");
      assertThat(summary.held()).allSatisfy(h -> assertThat(h.seconds()).contains("0").hasSizeGreaterThanOrEqualTo(8));
      assertThat(run.output()).containsPattern("held p95 of all requests < 500ms: [\\d.]+ % of \\d+ s \\(goal at least 50%\\) met\n +\\|[#+.]+\\|")
          .contains("Goal missed: p95 < 500ms of \"GET /simple\" held in");
      assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    }
  }

  /** From {@link #STALL_AFTER_MS} after the first {@code /simple}, every request is held until the stall ends. */
  private static HoldingRuntime.Hold stall() {
    AtomicLong first = new AtomicLong();
    return (n, now) -> {
      first.compareAndSet(0, now);
      long stallEnd = first.get() + STALL_AFTER_MS + STALL_MS;
      return now >= first.get() + STALL_AFTER_MS && now < stallEnd ? stallEnd - now : 0;
    };
  }
}
