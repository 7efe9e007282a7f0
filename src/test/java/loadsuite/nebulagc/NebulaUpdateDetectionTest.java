package loadsuite.nebulagc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.commons.stats.OK$;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import loadsuite.config.Rate;
import loadsuite.load.Injector;
import loadsuite.load.Shape;
import loadsuite.load.Timings;
import loadsuite.load.Workload;
import org.junit.jupiter.api.Test;

/**
 * The pollers' detection of uploads, on a clock of its own: one poller claims each due upload,
 * every poller's detection is timed from the upload's start to when it came to hold the version,
 * and one that does not hold it by the deadline is a failed detection.
 */
class NebulaUpdateDetectionTest {
  private static final long T0 = 1_000_000;
  /** 90 s, an upload every 30 s, polls every 5 s: deadline 15 s, 2 uploads. */
  private final AtomicLong now = new AtomicLong(T0);
  private final UpdateDetection detection = new UpdateDetection(Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(5),
      1024, now::get);

  private static Session poller(long held) {
    Session session = new Session(new io.gatling.core.session.Session("pollers", 1, scala.collection.immutable.Map$.MODULE$.empty(),
        OK$.MODULE$, scala.jdk.javaapi.CollectionConverters.asScala(List.<io.gatling.core.session.Block>of()).toList(),
        io.gatling.core.session.Session.NothingOnExit(), null));
    for (var value : UpdateDetection.holding(held).entrySet()) {
      session = session.set(value.getKey(), value.getValue());
    }
    return session;
  }

  /** An injector's share of 100 pollers at 20/s (one of three) polls every 5 s too: its deadline is the whole run's. */
  @Test
  void anInjectorsPollersKeepTheWholeRunsPeriod() {
    Workload whole = new Workload("nebulagc.pollers", 100, Duration.ofSeconds(5), new Shape.Sustained(new Rate(20), Duration.ofSeconds(60)), 1,
        null);
    assertThat(UpdateDetection.period(whole)).isEqualTo(Duration.ofSeconds(5));
    for (int i = 1; i <= 3; i++) {
      Workload share = new Injector(i, 3, Optional.empty()).share(whole);
      assertThat(share.connections()).isLessThan(whole.connections());
      assertThat(UpdateDetection.period(share)).as("injector " + i + " of 3").isEqualTo(Duration.ofSeconds(5));
    }
  }

  /** The poller claims the upload due now and the server answers it with {@code version}. */
  private Session upload(Session poller, long version) {
    Session claimed = detection.claim(poller);
    assertThat(detection.uploading(claimed)).isTrue();
    return detection.uploaded(claimed.set(UpdateDetection.UPLOADED_VERSION, version));
  }

  @Test
  void onePollerClaimsEachDueUploadAndNoneBeforeItIsDue() {
    Session first = poller(4);
    assertThat(detection.uploading(detection.claim(first))).as("the window starts; nothing due yet").isFalse();
    now.set(T0 + 30_000);
    assertThat(detection.uploading(detection.claim(first))).isTrue();
    assertThat(detection.uploading(detection.claim(poller(4)))).as("claimed already").isFalse();
    now.set(T0 + 90_000);
    assertThat(detection.uploading(detection.claim(first))).as("the second").isTrue();
    assertThat(detection.uploading(detection.claim(first))).as("only two are planned").isFalse();
  }

  @Test
  void aDetectionRunsFromTheUploadsStartToWhenThePollerCameToHoldIt() {
    Session poller = detection.claim(poller(4));
    now.set(T0 + 30_000);
    upload(poller(4), 5);
    now.set(T0 + 33_000);
    assertThat(detection.detect(detection.held(poller)).timings()).as("not held yet, before the deadline").isEmpty();

    now.set(T0 + 34_000);
    Session holding = detection.held(poller.set(NebulaRequests.HELD, 5L));
    now.set(T0 + 39_000);
    Timings.Measured measured = detection.detect(holding);
    assertThat(measured.timings()).containsExactly(Timings.Timing.ok(T0 + 30_000, T0 + 34_000));
    assertThat(detection.detect(measured.session()).timings()).as("each upload is counted once").isEmpty();
  }

  @Test
  void aPollerThatDoesNotHoldTheVersionByTheDeadlineFailsItsDetection() {
    Session poller = detection.claim(poller(4));
    now.set(T0 + 30_000);
    upload(poller(4), 5);
    now.set(T0 + 45_001);
    assertThat(detection.detect(detection.held(poller)).timings())
        .containsExactly(Timings.Timing.failed(T0 + 30_000, T0 + 45_001, "version 5 not held 15000 ms after its upload"));
  }

  @Test
  void aFailedUploadIsNoPollersToDetect() {
    Session poller = detection.claim(poller(4));
    now.set(T0 + 30_000);
    detection.uploaded(detection.claim(poller(4)));
    now.set(T0 + 60_000);
    assertThat(detection.detect(detection.held(poller)).timings()).isEmpty();
  }
}
