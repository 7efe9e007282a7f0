package loadsuite.nebulagc;

import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import loadsuite.load.Shape;
import loadsuite.load.Timings;
import loadsuite.load.Workload;

/**
 * The pollers' config update detection (seed 004: within 10 s with 5 s polling). During the measured
 * window an admin uploads a new bundle every {@code upload-interval} (the poller whose iteration
 * first finds an upload due sends it, before its own poll). For every poller and every upload, the
 * time from the start of the upload to the moment that poller holds the uploaded version (its bundle
 * request answered 200 with that {@code X-Config-Version} or a later one) is recorded as
 * {@value NebulaRequests#UPDATE_DETECTION} ({@link Timings}): its goals in targets.conf gate the run
 * as a request's do. A poller that does not hold it within {@link #DEADLINE_PERIODS} poll periods is a
 * failed detection. Uploads are planned only where that deadline and one more poll fit before the
 * end, so that every poller's detection of every upload is recorded.
 */
final class UpdateDetection {
  /** Poll periods after which a poller that does not hold an upload's version has failed to detect it. */
  static final int DEADLINE_PERIODS = 3;
  /** Session keys. */
  static final String UPLOAD = "upload";
  static final String UPLOADED_VERSION = "uploadedVersion";
  private static final String HELD_SEEN = "heldSeen";
  private static final String HELD_AT = "heldAt";
  private static final String DETECTED = "detectedUploads";

  /** An upload: when it started, and the version the server gave it (0 until read, -1 when it failed). */
  private record Upload(long startedAt, AtomicLong version) {}

  private final Duration interval;
  private final Duration deadline;
  private final int planned;
  private final long bundleSize;
  private final AtomicLong measuredStart = new AtomicLong();
  private final AtomicInteger claimed = new AtomicInteger();
  private final AtomicReferenceArray<Upload> uploads;
  private final LongSupplier clock;
  private volatile String uploaderToken;

  UpdateDetection(Duration measured, Duration interval, Duration period, long bundleSize) {
    this(measured, interval, period, bundleSize, System::currentTimeMillis);
  }

  /** With {@code clock} giving the time in epoch milliseconds. */
  UpdateDetection(Duration measured, Duration interval, Duration period, long bundleSize, LongSupplier clock) {
    this.clock = clock;
    this.interval = interval;
    this.deadline = period.multipliedBy(DEADLINE_PERIODS);
    this.planned = plannedUploads(measured, interval, period);
    this.bundleSize = bundleSize;
    this.uploads = new AtomicReferenceArray<>(Math.max(planned, 1));
  }

  /** A poller's period: each of the connections polls once per period at the workload's rate. */
  static Duration period(int connections, double rate) {
    return Duration.ofNanos(Math.round(connections / rate * 1e9));
  }

  /**
   * The period of a sustained workload's pollers, from its own connections and rate: an injector's
   * share has fewer of both, and the same period as the whole run.
   */
  static Duration period(Workload workload) {
    return period(workload.connections(), ((Shape.Sustained) workload.shape()).rate().perSecond());
  }

  /** Uploads at 1, 2, … intervals into the measured window whose deadline and one more poll end within it. */
  static int plannedUploads(Duration measured, Duration interval, Duration period) {
    Duration tail = period.multipliedBy(DEADLINE_PERIODS + 1);
    long fit = measured.minus(tail).toNanos() / interval.toNanos();
    return (int) Math.max(0, fit);
  }

  /** What the plan says of the uploads. */
  String describe() {
    return planned + " bundle upload" + (planned == 1 ? "" : "s") + " by an admin, every " + interval.toMillis() + " ms into the measured"
        + " window; each poller must hold each within " + deadline.toMillis() + " ms (" + DEADLINE_PERIODS + " poll periods) or its"
        + " detection fails";
  }

  /** A measured poll: the upload first when this poller claims one, then the poll, then the detections it completed. */
  ChainBuilder pollAndDetect(int bundleLength) {
    return exec(this::claim)
        .doIf(this::uploading).then(exec(NebulaRequests.uploadBundle(this::bundle, this::uploaderToken)).exec(this::uploaded))
        .exec(NebulaRequests.poll(bundleLength))
        .exec(this::held)
        .exec(Timings.record(NebulaRequests.UPDATE_DETECTION, this::detect));
  }

  /** The admin node that uploads, created by the preparation. */
  void uploader(String token) {
    uploaderToken = token;
  }

  String uploaderToken(Session session) {
    return uploaderToken;
  }

  /** At the top of a measured iteration: claims the next upload when it is due, for this poller to send. */
  Session claim(Session session) {
    long now = clock.getAsLong();
    measuredStart.compareAndSet(0, now);
    int next = claimed.get();
    boolean due = next < planned && now >= measuredStart.get() + interval.toMillis() * (next + 1);
    if (due && claimed.compareAndSet(next, next + 1)) {
      uploads.set(next, new Upload(now, new AtomicLong()));
      return session.set(UPLOAD, next);
    }
    return session.remove(UPLOAD);
  }

  boolean uploading(Session session) {
    return session.contains(UPLOAD);
  }

  /** The bundle of the claimed upload: as large as the others, with other bytes. */
  byte[] bundle(Session session) {
    return NebulaBundle.generate(bundleSize, 1 + session.getInt(UPLOAD));
  }

  /** After the upload: its version, as the server answered it, or -1 when it failed. */
  Session uploaded(Session session) {
    Upload upload = uploads.get(session.getInt(UPLOAD));
    upload.version().set(session.contains(UPLOADED_VERSION) ? session.getLong(UPLOADED_VERSION) : -1);
    return session.remove(UPLOADED_VERSION).remove(UPLOAD);
  }

  /** What every poller holds at its start: the version uploaded before the load, since before the run. */
  static Map<String, Object> holding(long version) {
    return Map.of(NebulaRequests.HELD, version, HELD_SEEN, version, HELD_AT, 0L);
  }

  /** After the poll: notes when the poller came to hold the version it holds. */
  Session held(Session session) {
    long held = session.getLong(NebulaRequests.HELD);
    return held == session.getLong(HELD_SEEN) ? session : session.set(HELD_SEEN, held).set(HELD_AT, clock.getAsLong());
  }

  /** The detections this poller has completed since its last: held in time, or past the deadline. */
  Timings.Measured detect(Session session) {
    int next = session.contains(DETECTED) ? session.getInt(DETECTED) : 0;
    long held = session.getLong(NebulaRequests.HELD);
    long heldAt = session.getLong(HELD_AT);
    long now = clock.getAsLong();
    List<Timings.Timing> timings = new ArrayList<>();
    int claimedSoFar = Math.min(claimed.get(), planned);
    for (; next < claimedSoFar; next++) {
      Upload upload = uploads.get(next);
      long version = upload == null ? 0 : upload.version().get();
      if (version == 0) {
        break;
      }
      if (version > 0) {
        if (held >= version) {
          timings.add(Timings.Timing.ok(upload.startedAt(), Math.max(upload.startedAt(), heldAt)));
        } else if (now - upload.startedAt() > deadline.toMillis()) {
          timings.add(Timings.Timing.failed(upload.startedAt(), now, "version " + version + " not held "
              + deadline.toMillis() + " ms after its upload"));
        } else {
          break;
        }
      }
    }
    return new Timings.Measured(session.set(DETECTED, next), timings);
  }
}
