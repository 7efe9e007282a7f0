package loadsuite.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** summary.json: written beside each run's HTML report, read back for baselines and trends. */
public final class SummaryFiles {
  public static final String NAME = "summary.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // summaries written before systems had several services hold one probes object
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private SummaryFiles() {}

  public static void write(Path file, RunSummary summary) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(temp.toFile(), summary);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static RunSummary read(Path file) {
    try {
      return JSON.readValue(file.toFile(), RunSummary.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run summary " + file + ": " + e.getMessage(), e);
    }
  }
}
