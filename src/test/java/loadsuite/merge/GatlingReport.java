package loadsuite.merge;

import io.gatling.charts.report.ReportsGenerationInputs;
import io.gatling.charts.report.ReportsGenerator;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.shared.model.assertion.AssertionValidator;
import java.nio.file.Path;

/**
 * Gatling's own HTML report of a run folder, as its reports-only mode writes it (reading the
 * folder's one simulation.log, judging the assertions of its header), without ending the JVM.
 */
final class GatlingReport {
  private GatlingReport() {}

  /** Writes index.html and its pages into the run folder; returns index.html. */
  static Path write(Path runFolder) {
    GatlingConfiguration configuration = GatlingConfiguration.load();
    String runId = runFolder.getFileName().toString();
    LogFileData data = LogFileReader.apply(runId, runFolder.getParent(), configuration).read();
    var assertions = new AssertionValidator(data).validateAssertions(data.assertions());
    return new ReportsGenerator(configuration.data().zoneId(), configuration.core().charset(), runFolder.getParent(),
        configuration.reports()).generateFor(new ReportsGenerationInputs(runId, data, assertions));
  }
}
