package loadsuite.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
  private static final String SIMULATION = "loadsuite.freightliner.FreightlinerJobsSimulation";

  @TempDir
  Path results;

  @Test
  void aRunsFolderIsTheFirstStartedSinceItsBeforeHookNotTheNewest() throws Exception {
    // the CI failure: a second run of the same simulation, started 6 s later, was taken for this one
    Files.createDirectories(results.resolve("freightlinerjobssimulation-20261203222640100"));
    // Gatling's clock 1 ms behind the machine's as it named the folder (about one run in eight)
    Path own = Files.createDirectories(results.resolve("freightlinerjobssimulation-20261203222645992"));
    Files.createDirectories(results.resolve("freightlinerjobssimulation-20261203222651992"));
    Files.createDirectories(results.resolve("freightlinerjobssimulation-20261203222645000-incomplete"));
    Files.createDirectories(results.resolve("freightlinerapisimulation-20261203222645995"));

    assertThat(RunFolder.firstStartedSince(results, SIMULATION, Instant.parse("2026-12-03T22:26:45.993Z"), ZoneId.of("UTC")))
        .contains(own);
  }

  @Test
  void theFolderNameIsReadInGatlingsZone() throws Exception {
    Path own = Files.createDirectories(results.resolve("freightlinerjobssimulation-20261203232645993"));

    assertThat(RunFolder.firstStartedSince(results, SIMULATION, Instant.parse("2026-12-03T22:26:45.990Z"), ZoneId.of("Europe/Paris")))
        .contains(own);
    assertThat(RunFolder.firstStartedSince(results, SIMULATION, Instant.parse("2026-12-03T22:26:46.994Z"), ZoneId.of("Europe/Paris")))
        .as("a run started a second before the before hook ended is another's").isEmpty();
  }

  @Test
  void noFolderBeforeGatlingOpensOne() {
    assertThat(RunFolder.firstStartedSince(results.resolve("absent"), SIMULATION, Instant.now(), ZoneId.of("UTC"))).isEmpty();
  }
}
