package loadsuite.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.suite.Suite;
import loadsuite.system.SystemCatalog;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetsTest {
  private static final Path FILE = Path.of("targets.conf");
  /** A system whose stand-in must never start: bad input stops the run first. */
  private static final SystemSpec NO_SYSTEM = SystemSpec.named("runtime")
      .service(new loadsuite.system.Service("runtime", "/health", loadsuite.standin.StandIn.class, (host, port, workload) -> {
        throw new AssertionError("no system may start on bad input");
      }, loadsuite.system.Service.LocalImage.STAND_IN))
      .build();

  @TempDir Path dir;

  @Test
  void aBundleLargerThanTheServerTakesStopsBeforeAnyLoad() {
    assertThatThrownBy(() -> load("profile", "nightly", "nebulagc.bundles.bundle-size", "11MiB"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'nebulagc.bundles.bundle-size' must be at most 10MiB, the largest bundle the NebulaGC server takes, got '11MiB'");
    assertThat(plan(load("profile", "nightly", "nebulagc.bundles.bundle-size", "10MiB"), "nebulagc", "bundles").workload().path())
        .isEqualTo("nebulagc.bundles");
  }

  @Test
  void anImageWhoseManifestDistributionRefusesStopsBeforeAnyLoad() {
    assertThatThrownBy(() -> load("profile", "nightly", "registry.push.layer-count", "26545"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'registry.push.layer-count' must be at most 26544 with layer-size = 2 MiB (a manifest of 26545 layers is"
            + " 4194361 bytes), the most whose manifest is within 4MiB, the largest manifest CNCF Distribution takes, got '26545'");
    assertThatThrownBy(() -> load("profile", "nightly", "freightliner.jobs.layer-count", "30000"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'freightliner.jobs.layer-count' must be at most 26544 with layer-size = 1 MiB");
    assertThat(plan(load("profile", "nightly", "registry.push.layer-count", "26544"), "registry", "push").workload().path())
        .isEqualTo("registry.push");
  }

  @Test
  void aBatchLargerThanGatisQueueHoldsStopsBeforeAnyLoad() {
    assertThatThrownBy(() -> load("runtime.queue.batch-size", "10001"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'runtime.queue.batch-size' must be at most 10000, the most messages gati's queue fabric holds"
            + " (its maxQueueDepth), got '10001'");
    assertThat(workload(load("runtime.queue.batch-size", "10000"), "queue").batchSize()).isEqualTo(10000);
  }

  @Test
  void uploadsFasterThanTheServersPerNodeLimitStopBeforeAnyLoad() {
    assertThatThrownBy(() -> load("nebulagc.pollers.upload-interval", "100ms"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'nebulagc.pollers.upload-interval' must be at least 125ms (or rate-limits = exceed): the admin node"
            + " that uploads may send 10/s on /config, the NebulaGC server's limit per node, and the load plans for 80 % of it, got '100ms'");
    assertThat(plan(load("nebulagc.pollers.upload-interval", "125ms"), "nebulagc", "pollers").workload().path())
        .isEqualTo("nebulagc.pollers");
    assertThat(plan(load("nebulagc.pollers.upload-interval", "100ms", "nebulagc.pollers.rate-limits", "exceed"), "nebulagc", "pollers")
        .workload().path()).isEqualTo("nebulagc.pollers");
  }

  @Test
  void stopCriteriaAreReadWithTheirThresholdsAndWindows() {
    Suite.Plan plan = plan(load("runtime.sustained.stop-when.failed", "5% for 60s", "runtime.sustained.stop-when.p99", "1s for 2m",
        "runtime.sustained.stop-when.generator-cpu", "90% for 1h"), "runtime", "sustained");
    assertThat(plan.stopWhen()).extracting(Object::toString)
        .containsExactlyInAnyOrder("failed = 5% for 60s", "p99 = 1000ms for 120s", "generator-cpu = 90% for 3600s");
    assertThat(plan(load(), "runtime", "sustained").stopWhen()).as("none unless asked").isEmpty();
  }

  private static Targets load(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    Targets targets = Targets.load(FILE, properties);
    Suite.validate(targets, SystemCatalog.all());
    return targets;
  }

  private static Suite.Plan plan(Targets targets, String system, String workload) {
    return Suite.plan(targets, SystemCatalog.named(system), workload);
  }

  private static Workload workload(Targets targets, String name) {
    return plan(targets, "runtime", name).workload();
  }

  @ParameterizedTest
  @ValueSource(strings = {"smoke", "nightly", "soak"})
  void everyProfileOfTheRepositoryFileIsValid(String profile) {
    Targets targets = load("profile", profile);
    assertThat(targets.profileName()).isEqualTo(profile);
    assertThat(targets.workloads("runtime"))
        .containsExactlyInAnyOrder("sustained", "spike", "stress", "concurrency", "handlers", "queue", "mixed", "scaling");
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
    Workload uploads = plan(nightly, "registry", "uploads").workload();
    assertThat(uploads.keys().toString()).contains("blobSize=1048576");
    assertThat(uploads.connections()).isEqualTo(100);
    assertThat(plan(nightly, "registry", "blobs").workload().keys().toString()).contains("blobSize=4000000");
    assertThat(plan(nightly, "registry", "push").workload().keys().toString()).contains("layerCount=3", "layerSize=2097152");
  }

  @Test
  void aKeyOfOneSystemOnAnotherSystemsWorkloadIsRefused() {
    assertThatThrownBy(() -> load("runtime.sustained.blob-size", "1MiB"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("unknown key 'runtime.sustained.blob-size'");
    assertThatThrownBy(() -> load("registry.pull.blob-size", "1MiB"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("unknown key 'registry.pull.blob-size'");
  }


  @Test
  void aWorkloadWithoutASimulationOrASystemOfNoneIsRefused() {
    assertThatThrownBy(() -> load("runtime.warp.shape", "sustained"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("the runtime system has no workload 'warp'");
    assertThatThrownBy(() -> load("profiles.smoke.cache.get.shape", "sustained"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'cache', which is not a system of the suite");
  }

  @Test
  void soakHoldsEverySustainedWorkloadOfEverySystemForHours() {
    Targets soak = load("profile", "soak");
    for (String systemName : soak.systems()) {
      SystemSpec system = SystemCatalog.named(systemName);
      for (String name : soak.workloads(system.name())) {
        if (plan(soak, system.name(), name).workload().shape() instanceof Shape.Sustained sustained) {
          assertThat(sustained.duration()).as(system.name() + "." + name).isEqualTo(Duration.ofHours(4));
        }
      }
    }
    assertThat(plan(soak, "registry", "manifests").workload().shape()).isInstanceOf(Shape.Sustained.class);
    assertThat(workload(soak, "spike").shape()).isInstanceOf(Shape.Spike.class);
    Targets eightHours = load("profile", "soak", "soak-duration", "8h");
    assertThat(((Shape.Sustained) plan(eightHours, "registry", "pull").workload().shape()).duration()).isEqualTo(Duration.ofHours(8));
    Targets nightlyHeld = load("profile", "nightly", "soak-duration", "2h");
    assertThat(((Shape.Sustained) workload(nightlyHeld, "sustained").shape()).duration()).isEqualTo(Duration.ofHours(2));
    assertThat(((Shape.Sustained) workload(load("profile", "nightly"), "sustained").shape()).duration()).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> load("profile", "soak", "soak-duration", "long"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'profiles.soak.soak-duration' must be a duration above zero");
  }

  @Test
  void aDataRateIsBytesPerSecondInTheUnitWritten() {
    Targets targets = load("profile", "nightly");
    assertThat(plan(targets, "registry", "blobs").goals()).filteredOn(g -> g.metric() == loadsuite.goals.Metric.DATA_RATE)
        .allSatisfy(goal -> {
          assertThat(goal.dataRate().bytesPerSecond()).isEqualTo(78.4 * 1024 * 1024);
          assertThat(goal.threshold()).isEqualTo("78.4MiB/s");
        })
        .hasSize(2);
    assertThat(DataRate.parse("125MB/s").bytesPerSecond()).isEqualTo(125e6);
    assertThat(DataRate.parse("125MB/s").format(130.2e6)).isEqualTo("130.2 MB/s");
    assertThat(DataRate.parse("0MB/s")).isNull();
    assertThat(DataRate.parse("125Mb/s")).isNull();
  }

  @Test
  void overridesCarryKeysThatAPropertyNameCannot() {
    Targets targets = load("overrides", "runtime.handlers.goals.\"GET /simple\".p95 = 7ms, runtime.handlers.rate = 61/s");
    assertThat(plan(targets, "runtime", "handlers").goals())
        .anySatisfy(goal -> {
          assertThat(goal.scope()).isEqualTo("GET /simple");
          assertThat(goal.threshold()).isEqualTo("7ms");
        });
    assertThat(((Shape.Sustained) workload(targets, "handlers").shape()).rate()).isEqualTo(new Rate(61));
    assertThatThrownBy(() -> load("overrides", "sut.mode = external"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("-Doverrides sets 'sut', which is not a system of the profile");
    assertThatThrownBy(() -> load("overrides", "runtime.sustained.goals.\"GET /x\" {"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("is not HOCON");
  }

  @Test
  void anOptionThatMavensPluginDroppedIsFoundOnItsCommandLine() {
    Properties received = new Properties();
    received.setProperty("runtime.sustained.rate", "60/s");
    received.setProperty("overrides", "runtime.sustained.goals.\"GET");
    java.util.Set<String> roots = java.util.Set.of("runtime", "sut", "overrides");
    String commandLine = " gatling:test -Dgatling.simulationClass=x -Druntime.sustained.rate=60/s"
        + " -Druntime.sustained.goals.\"GET /nope\".p95=10ms -Doverrides=runtime.sustained.goals.\"GET /simple\".p95=1ms";
    assertThat(DroppedOverrides.find(commandLine, received, roots)).containsExactly("-Druntime.sustained.goals.\"GET");
    assertThat(DroppedOverrides.find(null, received, roots)).isEmpty();
  }

  @Test
  void anyValueOfTheChosenProfileCanBeOverriddenByItsPath() {
    Targets targets = load("profile", "nightly", "runtime.sustained.rate", "2500/s", "runtime.sustained.goals.global.p95", "15ms");
    assertThat(((Shape.Sustained) workload(targets, "sustained").shape()).rate()).isEqualTo(new Rate(2500));
    assertThat(plan(targets, "runtime", "sustained").goals())
        .anySatisfy(goal -> assertThat(goal.threshold()).isEqualTo("15ms"));
  }

  @Test
  void lagAndIntendedTimeGoalsAreReadWithTheirDottedKeys() {
    Targets targets = load("runtime.sustained.goals.global.lag.p99", "50ms", "runtime.sustained.goals.global.intended.p95", "1500ms");
    assertThat(plan(targets, "runtime", "sustained").goals())
        .filteredOn(goal -> goal.metric().fromSchedule())
        .extracting(goal -> goal.metric().key + " " + goal.threshold())
        .containsExactlyInAnyOrder("lag.p99 50ms", "intended.p95 1500ms");
  }

  @Test
  void theFullPathBelowTheRootWorksToo() {
    Targets targets = load("profiles.smoke.runtime.sustained.connections", "3");
    assertThat(workload(targets, "sustained").connections()).isEqualTo(3);
  }

  @Test
  void seed002sTiersRaiseTheRuntimesSustainedRateAndTightenItsGoalsOnly() {
    Suite.Plan production = plan(load("profile", "production"), "runtime", "sustained");
    Suite.Plan stretch = plan(load("profile", "stretch"), "runtime", "sustained");
    assertThat(((Shape.Sustained) production.workload().shape()).rate().perSecond()).isEqualTo(5000);
    assertThat(((Shape.Sustained) stretch.workload().shape()).rate().perSecond()).isEqualTo(10000);
    assertThat(production.goals()).filteredOn(g -> g.metric() == loadsuite.goals.Metric.P95).singleElement()
        .satisfies(g -> assertThat(g.threshold()).isEqualTo("10ms"));
    assertThat(stretch.goals()).filteredOn(g -> g.metric() == loadsuite.goals.Metric.P95).singleElement()
        .satisfies(g -> assertThat(g.threshold()).isEqualTo("5ms"));
    assertThat(plan(load("profile", "production"), "runtime", "spike").settings())
        .isEqualTo(plan(load("profile", "nightly"), "runtime", "spike").settings());
    // the tier's container goal, the shared block's elsewhere, and an option over both
    assertThat(perThousand(load("profile", "production"))).isEqualTo("50MB");
    assertThat(perThousand(load("profile", "stretch"))).isEqualTo("25MB");
    assertThat(perThousand(load("profile", "nightly"))).isEqualTo("100MB");
    assertThat(perThousand(load("profile", "production", "sut.container.runtime.goals.memory-per-1000rps", "70MB"))).isEqualTo("70MB");
  }

  private static String perThousand(Targets targets) {
    return loadsuite.container.ContainerSettings.read(targets.sut().section("container")).service("runtime").goals().memoryPer1000RpsText();
  }

  @Test
  void unknownProfileNamesTheChoices() {
    assertThatThrownBy(() -> load("profile", "nightlly"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("unknown profile 'nightlly'")
        .hasMessageContaining("nightly, production, smoke, soak, stretch")
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
      "runtime.sustained.shape|ramp|'runtime.sustained.shape' must be one of sustained, spike, stress, burst, workers, worker-stress",
      "runtime.sustained.goals.global.p95|20|'runtime.sustained.goals.\"global\".p95' must be a duration",
      "runtime.sustained.goals.global.p95|500us|whole milliseconds",
      "runtime.sustained.goals.global.failed|0.1|'runtime.sustained.goals.\"global\".failed' must be a percentage",
      "runtime.sustained.goals.global.failed|120%|must be a percentage between 0% and 100%",
      "runtime.sustained.goals.global.p96|20ms|unknown goal key 'p96'",
      "runtime.sustained.goals.global.lag.p98|50ms|unknown goal key 'lag.p98'",
      "runtime.sustained.goals.global.lag.p99|50|p99' must be a duration",
      "runtime.sustained.goals.global.intended|50ms|'runtime.sustained.goals.\"global\".intended' must be an object",
      "runtime.handlers.goals.\"GET /simple\".lag.p99|50ms|must be set under global: the schedule lag is of iterations",
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
      "registry.push.content|new|'registry.push.content' must be unique (new bytes in every push: the upload path is measured) or shared",
      "registry.pull.content|shared|unknown key 'registry.pull.content'",
      "registry.uploads.blob-size|8B|'registry.uploads.blob-size' must be at least 16B with content = unique",
      "registry.mixed.layer-size|10B|'registry.mixed.layer-size' must be at least 16B with content = unique",
      "packs.update.publish-interval|2h|'packs.update.publish-interval' must be a duration from 1ms to 1h (the stand-in's limits)",
      "packs.update.publish-interval|0s|'packs.update.publish-interval' must be a duration above zero",
      "packs.list.publish-interval|1s|unknown key 'packs.list.publish-interval'",
      "sut.mode|docker|'sut.mode' must be one of embedded, external, container",
      "registry.blobs.goals.\"GET /v2/{name}/blobs/{digest}\".data-rate|78|must be a data rate above zero such as 125MB/s",
      "registry.blobs.goals.\"GET /v2/{name}/blobs/{digest}\".data-rate|7 parsecs/s|must be a data rate above zero",
      "registry.blobs.goals.global.data-rate|7MB/s|'registry.blobs.goals.\"global\".data-rate' must be set on the request that carries the bytes",
      "freightliner.replication.connections|4|'freightliner.replication.connections' must be left out: a workers shape opens one connection per worker",
      "freightliner.replication.workers|0|'freightliner.replication.workers' must be a whole number above zero",
      "freightliner.workers.end-workers|0|'freightliner.workers.end-workers' must be a whole number above zero",
      "freightliner.workers.start-workers|5|'freightliner.workers.end-workers' must be at least start-workers (5)",
      "freightliner.jobs.job-timeout|10ms|'freightliner.jobs.job-timeout' must be at least poll-interval (50ms)",
      "freightliner.jobs.tree-percent|30|'freightliner.jobs.tree-percent' must be a percentage",
      "freightliner.replication.tgs|3|unknown key 'freightliner.replication.tgs'",
      "runtime.sustained.stop-when.errors|5% for 60s|unknown stop criterion 'errors'",
      "runtime.sustained.stop-when.failed|5%|'runtime.sustained.stop-when.failed' must be a percentage and the window it must hold over, such as 5% for 60s",
      "runtime.sustained.stop-when.failed|5ms for 60s|'runtime.sustained.stop-when.failed' must be a percentage and the window",
      "runtime.sustained.stop-when.p99|1 parsec for 60s|'runtime.sustained.stop-when.p99' must be a response time and the window it must hold over, such as 1s for 120s",
      "runtime.sustained.stop-when.p99|90% for 60s|'runtime.sustained.stop-when.p99' must be a response time",
      "runtime.sustained.stop-when.generator-cpu|120% for 60s|at most 100%, a window of 1s or more",
      "runtime.sustained.stop-when.failed|5% for 0s|at most 100%, a window of 1s or more",
      "runtime.sustained.goals.global.held|99|'runtime.sustained.goals.\"global\".held' must be a percentage",
      "runtime.sustained.goals.\"GET /simple\".held|99%|must be beside a response-time goal (p50, p75, p95, p99, max, mean) or a failed goal of the same scope",
      "metrics.port|70000|'metrics.port' must be a TCP port from 1 to 65535, or 0 for no live metrics",
      "metrics.linger|10|'metrics.linger' must be a duration of zero or more",
  })
  void badValuesNameTheKeyAndWhatIsExpected(String key, String value, String message) {
    assertThatThrownBy(() -> {
      Targets targets = load(key, value);
      loadsuite.suite.SystemsUnderTest.start(targets.sut(), NO_SYSTEM, workload(targets, "sustained"));
    }).isInstanceOf(TargetsException.class).hasMessageContaining(message);
  }

  @Test
  void aMistakeInTheFileNamesTheFileAndTheLine() throws IOException {
    Path file = copyOfTheFiles();
    Path runtime = edit("peak-rate = 5000/s\n", "peak-rate = 5000 per second\n");
    int line = lineOf(Files.readString(runtime), "peak-rate = 5000 per second");
    Properties properties = new Properties();
    properties.setProperty("profile", "nightly");
    assertThatThrownBy(() -> Suite.validate(Targets.load(file, properties), SystemCatalog.all()))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("targets/runtime.conf: " + line)
        .hasMessageContaining("'runtime.spike.peak-rate' must be a rate above zero such as 1000/s, got '5000 per second'");
  }

  /** A missing key is named: a shape's, and one of a system's own keys. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "peak-duration = 30s|missing key 'runtime.spike.peak-duration'",
      "write-percent = 10%|missing key 'registry.mixed.write-percent'"})
  void aMissingKeyIsNamed(String line, String message) throws IOException {
    Path file = copyOfTheFiles();
    edit("    " + line + "\n", "");
    Properties properties = new Properties();
    properties.setProperty("profile", "nightly");
    assertThatThrownBy(() -> Suite.validate(Targets.load(file, properties), SystemCatalog.all()))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("targets.conf: " + message);
  }

  /**
   * targets.conf includes one file per system from beside it, wherever it is (a copy elsewhere,
   * named by -Dtargets as the tests' Gatling runs do), and every profile then has every workload
   * of every system of the suite.
   */
  @ParameterizedTest
  @ValueSource(strings = {"smoke", "nightly", "soak"})
  void aCopyElsewhereReadsItsSystemsFilesFromBesideIt(String profile) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("profile", profile);
    Targets copy = Targets.load(copyOfTheFiles(), properties);
    Suite.validate(copy, SystemCatalog.all());
    for (SystemSpec system : SystemCatalog.all()) {
      assertThat(copy.workloads(system.name())).as(profile + " " + system.name()).isEqualTo(system.workloads().keySet());
      assertThat(copy.sut().section("container").has(system.name())).as("the container block of " + system.name()).isTrue();
    }
    // the copy's own system file is read, not the repository's
    edit("rate = 1000/s\n    duration = 60s\n    goals.global { p95 = 20ms", "rate = 1234/s\n    duration = 60s\n    goals.global { p95 = 20ms");
    Properties nightly = new Properties();
    nightly.setProperty("profile", "nightly");
    assertThat(workload(Targets.load(dir.resolve("targets.conf"), nightly), "sustained").shape())
        .isEqualTo(new Shape.Sustained(new Rate(1234), Duration.ofSeconds(60)));
  }

  @Test
  void aMissingSystemFileIsOneLineNamingIt() throws IOException {
    Path file = Files.copy(FILE, dir.resolve("targets.conf"));
    assertThatThrownBy(() -> Targets.load(file, new Properties()))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("targets.conf: ")
        .hasMessageContaining("includes \"targets/runtime.conf\", which is not at " + dir.resolve("targets/runtime.conf").toAbsolutePath())
        .hasMessageContaining("keep the targets/ folder beside targets.conf")
        .message().doesNotContain("\n");
  }

  /** targets.conf and its systems' files, copied into the test's folder: the copy of targets.conf. */
  private Path copyOfTheFiles() throws IOException {
    Files.createDirectories(dir.resolve("targets"));
    try (var files = Files.list(Path.of("targets"))) {
      for (Path system : files.toList()) {
        Files.copy(system, dir.resolve("targets").resolve(system.getFileName()));
      }
    }
    return Files.copy(FILE, dir.resolve("targets.conf"));
  }

  /** Replaces {@code text} in the copied file that holds it; that file. */
  private Path edit(String text, String replacement) throws IOException {
    try (var files = Files.list(dir.resolve("targets"))) {
      for (Path system : files.sorted().toList()) {
        String content = Files.readString(system);
        if (content.contains(text)) {
          return Files.writeString(system, content.replaceFirst(java.util.regex.Pattern.quote(text),
              java.util.regex.Matcher.quoteReplacement(replacement)));
        }
      }
    }
    throw new AssertionError("no file of targets/ holds " + text);
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
