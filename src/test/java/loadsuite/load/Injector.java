package loadsuite.load;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.config.Rate;
import loadsuite.config.TargetsException;

/**
 * One of N injectors that send a workload together ({@code -Dinjector=i/N}), each from its own
 * machine, their runs merged afterwards into one. Injector i opens its share of the workload's
 * connections, as even as possible (the first {@code connections mod N} injectors one more),
 * and every rate and absolute throughput goal in proportion to its connections, so that each
 * connection paces as in the one-machine run and the shares add up exactly to the whole. A
 * staircase keeps the whole run's levels (names and knee) and sends its share of each.
 */
public record Injector(int index, int count, Optional<Instant> startAt) {
  public static final String PROPERTY = "injector";
  public static final String START_AT = "injector.start-at";
  private static final Pattern SHARE = Pattern.compile("(\\d+)/(\\d+)");
  private static final Injector ALONE = new Injector(1, 1, Optional.empty());
  private static Injector current;

  /** This JVM's injector, from {@code -Dinjector} and {@code -Dinjector.start-at}; 1/1 without them. */
  public static synchronized Injector current() {
    if (current == null) {
      current = parse(System.getProperty(PROPERTY), System.getProperty(START_AT));
    }
    return current;
  }

  /** A share as a run's plan records it ({@code 2/3}); the whole workload when null. */
  public static Injector of(String share) {
    return parse(share, null);
  }

  /** The share as {@code -Dinjector} writes it, null for the whole workload. */
  public String share() {
    return shared() ? index + "/" + count : null;
  }

  static Injector parse(String share, String startAt) {
    Optional<Instant> start = Optional.ofNullable(startAt).filter(s -> !s.isBlank()).map(Injector::instant);
    if (share == null || share.isBlank()) {
      return start.isEmpty() ? ALONE : new Injector(1, 1, start);
    }
    Matcher m = SHARE.matcher(share.trim());
    if (!m.matches()) {
      throw new TargetsException("-D" + PROPERTY + "=" + share + " is not a share: write -D" + PROPERTY
          + "=<i>/<N>, injector i of N (1/2 and 2/2 for two machines)");
    }
    int index = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    if (count < 1 || index < 1 || index > count) {
      throw new TargetsException("-D" + PROPERTY + "=" + share + ": i must be from 1 to N (N at least 1), as in 1/" + Math.max(count, 2));
    }
    return new Injector(index, count, start);
  }

  private static Instant instant(String text) {
    String t = text.trim();
    try {
      return t.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(t)) : OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new TargetsException("-D" + START_AT + "=" + text + " is not an instant: epoch milliseconds (1764000000000) or an ISO"
          + " time with its offset (2026-11-24T18:00:00Z)");
    }
  }

  public boolean shared() {
    return count > 1;
  }

  /** What this injector adds to the names of the data its run creates ({@code -i2of3}), so injectors never meet; empty alone. */
  public String nameSuffix() {
    return shared() ? "-i" + index + "of" + count : "";
  }

  /** The workload as this injector sends it: its connections, every rate in proportion. */
  public Workload share(Workload whole) {
    if (!shared()) {
      return whole;
    }
    int connections = connectionsOf(whole);
    double f = (double) connections / whole.connections();
    Shape shape;
    if (whole.shape() instanceof Shape.Sustained s) {
      shape = new Shape.Sustained(scaled(s.rate(), f), s.duration());
    } else if (whole.shape() instanceof Shape.Spike s) {
      shape = new Shape.Spike(scaled(s.baseRate(), f), scaled(s.peakRate(), f), s.baseDuration(), s.peakDuration());
    } else if (whole.shape() instanceof Shape.Burst b) {
      shape = new Shape.Burst(connections, b.interval(), b.duration());
    } else if (whole.shape() instanceof Shape.Workers w) {
      shape = new Shape.Workers(connections, w.duration());
    } else if (whole.shape() instanceof Shape.Stress s) {
      shape = new Shape.Stress(s.startRate(), s.endRate(), s.duration(), s.steps(), s.knee(), f);
    } else if (whole.shape() instanceof Shape.Scaling s) {
      shape = new Shape.Scaling(s.instances(), s.startRate(), s.endRate(), s.durationEach(), s.steps(), s.efficiency(), f);
    } else if (whole.shape() instanceof Shape.WorkerStress w) {
      if (w.startWorkers() < count) {
        throw new TargetsException(whole.path() + " starts at " + w.startWorkers() + " workers, fewer than the " + count + " injectors:"
            + " each needs at least one on every level. Use at most " + w.startWorkers() + " injectors, or raise start-workers");
      }
      shape = new Shape.WorkerStress(w.startWorkers(), w.endWorkers(), w.duration(), w.steps(), w.knee(), index, count);
    } else {
      throw new IllegalStateException("no share defined for " + whole.shape());
    }
    return new Workload(whole.path(), connections, whole.warmUp(), shape, whole.batchSize(), whole.keys());
  }

  /** The share of the whole workload's connections this injector opens (1 when it sends the whole). */
  public double fraction(Workload whole) {
    return shared() ? (double) connectionsOf(whole) / whole.connections() : 1;
  }

  private int connectionsOf(Workload whole) {
    int total = whole.connections();
    if (total < count) {
      throw new TargetsException(whole.path() + " has " + total + " connections, fewer than the " + count + " injectors: each needs"
          + " at least one. Use at most " + total + " injectors, or raise connections (concurrency for bursts)");
    }
    return shareOf(total, index, count);
  }

  /** Injector i's share of a whole count: as even as possible, the first {@code total mod count} one more. */
  static int shareOf(int total, int index, int count) {
    return total / count + (index <= total % count ? 1 : 0);
  }

  private static Rate scaled(Rate rate, double f) {
    return new Rate(rate.perSecond() * f);
  }

  /** Waits for the shared start instant, so the injectors' measured windows line up; refuses one already past. */
  public void awaitStart() {
    if (startAt.isEmpty()) {
      return;
    }
    Duration wait = Duration.between(Instant.now(), startAt.get());
    if (wait.isNegative()) {
      throw new TargetsException("-D" + START_AT + "=" + startAt.get() + " passed " + wait.negated().toMillis() + " ms before this"
          + " injector was ready: choose an instant after every injector's preparation (a minute ahead, say)");
    }
    System.out.printf("injector %d of %d: waiting %d s for the shared start at %s%n", index, count, wait.toSeconds(), startAt.get());
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the shared start", e);
    }
  }
}
