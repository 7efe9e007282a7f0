package loadsuite.results;

import static loadsuite.results.SummaryFixtures.SUSTAINED;
import static loadsuite.results.SummaryFixtures.T0;
import static loadsuite.results.SummaryFixtures.USERS;
import static loadsuite.results.SummaryFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
  @TempDir
  Path history;

  @Test
  void aRecordedRunIsACopyNamedByItsStart() {
    RunSummary run = passed(USERS, T0.plusMillis(339), 12);
    History.record(run, history, History.KEEP);
    assertThat(history.resolve(USERS).resolve("2026-11-20T08-00-00-339Z.json")).isRegularFile();
    assertThat(History.of(history, USERS)).containsExactly(run);
  }

  @Test
  void onlyTheNewestRunsOfEachSimulationAreKept() {
    for (int minute : new int[] {3, 0, 4, 1, 2}) {
      History.record(passed(USERS, T0.plusSeconds(60L * minute), 10 + minute), history, 3);
    }
    History.record(passed(SUSTAINED, T0, 5), history, 3);
    assertThat(History.of(history, USERS)).extracting(r -> r.global().p95()).containsExactly(12, 13, 14);
    assertThat(History.of(history, SUSTAINED)).hasSize(1);
  }

  @Test
  void runsAreOrderedByTheirStartNotByFileName() {
    // "…00Z" sorts after "…00-500Z" as a name, yet it started first
    History.record(passed(USERS, T0.plusMillis(500), 2), history, History.KEEP);
    History.record(passed(USERS, T0, 1), history, History.KEEP);
    assertThat(History.of(history, USERS)).extracting(r -> r.global().p95()).containsExactly(1, 2);
  }

  @Test
  void aSimulationWithoutHistoryHasNoRuns() {
    assertThat(History.of(history, USERS)).isEmpty();
  }

  @Test
  void corruptFilesAreSkippedWithAWarning() throws IOException {
    History.record(passed(USERS, T0, 1), history, History.KEEP);
    Files.writeString(history.resolve(USERS).resolve("truncated.json"), "{\"simulation\": \"loadsuite.runtime.Runt");
    Files.writeString(history.resolve(USERS).resolve("no-start.json"), "{\"simulation\": \"" + USERS + "\"}");
    Files.writeString(history.resolve(USERS).resolve("bad-start.json"), "{\"simulation\": \"" + USERS + "\", \"start\": \"yesterday\"}");

    String warnings = stderrOf(() -> {
      History.record(passed(USERS, T0.plusSeconds(60), 2), history, 1);
      assertThat(History.of(history, USERS)).extracting(r -> r.global().p95()).containsExactly(2);
    });

    assertThat(warnings).contains("warning: skipped", "truncated.json", "no-start.json", "bad-start.json");
    assertThat(history.resolve(USERS)).isDirectoryContaining(p -> p.getFileName().toString().equals("truncated.json"));
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
