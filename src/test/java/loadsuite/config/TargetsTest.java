package loadsuite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import loadsuite.Suite;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetsTest {
  private static final Path FILE = Path.of("targets.conf");

  @TempDir Path dir;

  private static Targets load(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    Targets targets = Targets.load(FILE, properties);
    Suite.validate(targets);
    return targets;
  }

  private static Workload workload(Targets targets, String name) {
    return Suite.read(targets.workload("runtime", name)).workload();
  }

  @ParameterizedTest
  @ValueSource(strings = {"smoke", "nightly", "soak"})
  void everyProfileOfTheRepositoryFileIsValid(String profile) {
    Targets targets = load("profile", profile);
    assertThat(targets.profileName()).isEqualTo(profile);
    assertThat(targets.workloads("runtime"))
        .containsExactlyInAnyOrder("sustained", "spike", "stress", "concurrency", "handlers", "queue", "mixed");
    assertThat(targets.workloads("registry"))
        .containsExactlyInAnyOrder("push", "pull", "uploads", "manifests", "blobs", "mixed");
  }

  @Test
  void smokeIsTheDefaultProfile() {
    assertThat(load().profileName()).isEqualTo("smoke");
  }

  @Test
  void nightlyCarriesTheSeedNumbers() {
    Workload sustained = workload(load("profile", "nightly"), "sustained");
    assertThat(sustained.connections()).isEqualTo(100);
    assertThat(sustained.shape()).isEqualTo(new Shape.Sustained(new Rate(1000), Duration.ofSeconds(60)));
    Shape.Stress stress = (Shape.Stress) workload(load("profile", "nightly"), "stress").shape();
    assertThat(stress.startRate().perSecond()).isEqualTo(100);
    assertThat(stress.endRate().perSecond()).isEqualTo(10_000);
    assertThat(stress.duration()).isEqualTo(Duration.ofMinutes(5));
    assertThat(stress.knee().perSecond()).isEqualTo(5000);
  }

  @Test
  void registrySizesAreBytesWithTheirUnits() {
    Targets nightly = load("profile", "nightly", "registry.blobs.blob-size", "4MB");
    Workload uploads = Suite.read(nightly.workload("registry", "uploads")).workload();
    assertThat(uploads.requireBlobSize()).isEqualTo(1 << 20);
    assertThat(uploads.connections()).isEqualTo(100);
    assertThat(Suite.read(nightly.workload("registry", "blobs")).workload().requireBlobSize()).isEqualTo(4_000_000);
    Workload push = Suite.read(nightly.workload("registry", "push")).workload();
    assertThat(push.requireLayerSize()).isEqualTo(2 << 20);
    assertThat(push.requireLayerCount()).isEqualTo(3);
  }

  @Test
  void aRegistryWorkloadWithoutItsSizeSaysWhichKeyIsMissing() {
    assertThatThrownBy(() -> workload(load(), "sustained").requireBlobSize())
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("missing key 'runtime.sustained.blob-size': expected a size such as 1MiB");
  }

  @Test
  void soakHoldsTheSustainedShapeForHoursAndItsDurationCanBeOverridden() {
    assertThat(((Shape.Sustained) workload(load("profile", "soak"), "sustained").shape()).duration()).isEqualTo(Duration.ofHours(4));
    Targets eightHours = load("profile", "soak", "runtime.sustained.duration", "8h");
    assertThat(((Shape.Sustained) workload(eightHours, "sustained").shape()).duration()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void anyValueOfTheChosenProfileCanBeOverriddenByItsPath() {
    Targets targets = load("profile", "nightly", "runtime.sustained.rate", "2500/s", "runtime.sustained.goals.global.p95", "15ms");
    assertThat(((Shape.Sustained) workload(targets, "sustained").shape()).rate()).isEqualTo(new Rate(2500));
    assertThat(Suite.read(targets.workload("runtime", "sustained")).goals())
        .anySatisfy(goal -> assertThat(goal.threshold()).isEqualTo("15ms"));
  }

  @Test
  void theFullPathBelowTheRootWorksToo() {
    Targets targets = load("profiles.smoke.runtime.sustained.connections", "3");
    assertThat(workload(targets, "sustained").connections()).isEqualTo(3);
  }

  @Test
  void unknownProfileNamesTheChoices() {
    assertThatThrownBy(() -> load("profile", "nightlly"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("unknown profile 'nightlly'")
        .hasMessageContaining("nightly, smoke, soak")
        .hasMessageContaining("-Dprofile=");
  }

  @Test
  void unknownWorkloadNamesTheChoices() {
    assertThatThrownBy(() -> load().workload("runtime", "sustaind"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("runtime.sustaind")
        .hasMessageContaining("sustained");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "runtime.sustained.rate|1000|'runtime.sustained.rate' must be a rate above zero such as 1000/s, got '1000'",
      "runtime.sustained.rate|0/s|'runtime.sustained.rate' must be a rate above zero such as 1000/s, got '0/s'",
      "runtime.sustained.rate|-5/s|'runtime.sustained.rate' must be a rate above zero such as 1000/s, got '-5/s'",
      "runtime.sustained.duration|60|'runtime.sustained.duration' must be a duration above zero",
      "runtime.sustained.duration|60 parsecs|'runtime.sustained.duration' must be a duration above zero",
      "runtime.sustained.duration|0s|'runtime.sustained.duration' must be a duration above zero",
      "runtime.sustained.connections|many|'runtime.sustained.connections' must be a whole number above zero, got 'many'",
      "runtime.sustained.connections|-1|'runtime.sustained.connections' must be a whole number above zero",
      "runtime.sustained.warm-up|-1s|'runtime.sustained.warm-up' must be a duration of zero or more",
      "runtime.sustained.shape|ramp|'runtime.sustained.shape' must be one of sustained, spike, stress, burst",
      "runtime.sustained.goals.global.p95|20|'runtime.sustained.goals.\"global\".p95' must be a duration",
      "runtime.sustained.goals.global.p95|500us|whole milliseconds",
      "runtime.sustained.goals.global.failed|0.1|'runtime.sustained.goals.\"global\".failed' must be a percentage",
      "runtime.sustained.goals.global.failed|120%|must be a percentage between 0% and 100%",
      "runtime.sustained.goals.global.p96|20ms|unknown goal key 'p96'",
      "runtime.sustained.rte|1000/s|unknown key 'runtime.sustained.rte'",
      "runtime.mixed.write-percent|20|'runtime.mixed.write-percent' must be a percentage",
      "runtime.stress.end-rate|10/s|'runtime.stress.end-rate' must be at least start-rate",
      "runtime.concurrency.connections|10|'runtime.concurrency.connections' must be left out",
      "registry.uploads.blob-size|1048576|'registry.uploads.blob-size' must be a size above zero with a unit such as 512KiB, 1MiB or 4MB, got '1048576'",
      "registry.uploads.blob-size|1 parsec|'registry.uploads.blob-size' must be a size above zero with a unit",
      "registry.uploads.blob-size|0MiB|'registry.uploads.blob-size' must be a size above zero with a unit",
      "registry.uploads.blob-size|-1MiB|'registry.uploads.blob-size' must be a size above zero with a unit",
      "registry.push.layer-size|big|'registry.push.layer-size' must be a size above zero with a unit",
      "registry.push.layer-count|0|'registry.push.layer-count' must be a whole number above zero",
      "registry.push.layr-count|2|unknown key 'registry.push.layr-count'",
      "sut.mode|docker|'sut.mode' must be one of embedded, external, container",
  })
  void badValuesNameTheKeyAndWhatIsExpected(String key, String value, String message) {
    assertThatThrownBy(() -> {
      Targets targets = load(key, value);
      loadsuite.sut.SystemsUnderTest.start(targets.sut(), "runtime", "/health", (host, port) -> {
        throw new AssertionError("no system may start on bad input");
      });
    }).isInstanceOf(TargetsException.class).hasMessageContaining(message);
  }

  @Test
  void aMistakeInTheFileNamesTheFileAndTheLine() throws IOException {
    String text = Files.readString(FILE).replace("peak-rate = 5000/s\n", "peak-rate = 5000 per second\n");
    Path file = Files.writeString(dir.resolve("targets.conf"), text);
    int line = lineOf(text, "peak-rate = 5000 per second");
    Properties properties = new Properties();
    properties.setProperty("profile", "nightly");
    assertThatThrownBy(() -> Suite.validate(Targets.load(file, properties)))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("targets.conf: " + line)
        .hasMessageContaining("'runtime.spike.peak-rate' must be a rate above zero such as 1000/s, got '5000 per second'");
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    String text = Files.readString(FILE).replace("        peak-duration = 30s\n", "");
    Path file = Files.writeString(dir.resolve("targets.conf"), text);
    Properties properties = new Properties();
    properties.setProperty("profile", "nightly");
    assertThatThrownBy(() -> Suite.validate(Targets.load(file, properties)))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("targets.conf: missing key 'runtime.spike.peak-duration'");
  }

  @Test
  void aFileThatIsNotHoconSaysWhere() throws IOException {
    Path file = Files.writeString(dir.resolve("targets.conf"), "profile = smoke\nprofiles { smoke {\n");
    assertThatThrownBy(() -> Targets.load(file, new Properties()))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("targets.conf cannot be read")
        .hasMessageContaining("targets.conf: 3");
  }

  @Test
  void aMissingFileSaysHowToNameAnother() {
    assertThatThrownBy(() -> Targets.load(dir.resolve("nope.conf"), new Properties()))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("nope.conf not found")
        .hasMessageContaining("-Dtargets=");
  }

  private static int lineOf(String text, String needle) {
    return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
  }
}
