package loadsuite.packs.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a new version of one pack every interval while the stand-in runs, so that a
 * {@code ggen pack update} finds something: a pack drawn from the seed, its latest version with
 * the patch number raised (same size, new content and SHA-256), stored, then the index made
 * again, with a new ETag.
 *
 * <p>The real registry is a GitHub-hosted {@code index.json}: a version is published by a merged
 * pull request, the site is deployed again minutes later, and its CDN may serve the previous
 * document (and its ETag) until the copy it holds expires. The stand-in keeps what a client sees in
 * the end, a new document with a new ETag and a newer version, and shows it at once: its next
 * {@code If-None-Match} gets 200.
 */
final class PackPublisher implements AutoCloseable {
  private final List<String> ids;
  private final long seed;
  private final PackStore store;
  private final Runnable remakeIndex;
  private final SplittableRandom random;
  private final ScheduledExecutorService timer;

  private PackPublisher(List<String> ids, long seed, PackStore store, Runnable remakeIndex) {
    this.ids = ids;
    this.seed = seed;
    this.store = store;
    this.remakeIndex = remakeIndex;
    this.random = new SplittableRandom(seed);
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "packs-publisher");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Publishes one version every {@code interval}, the first an interval from now. */
  static PackPublisher start(Duration interval, List<Pack> packs, long seed, PackStore store, Runnable remakeIndex) {
    PackPublisher publisher = new PackPublisher(packs.stream().map(Pack::id).toList(), seed, store, remakeIndex);
    long nanos = interval.toNanos();
    publisher.timer.scheduleAtFixedRate(publisher::publishLogged, nanos, nanos, TimeUnit.NANOSECONDS);
    return publisher;
  }

  /** Publishes a new version of one pack; returns its id. Not concurrent: the timer's thread, or a test's. */
  synchronized String publishOne() {
    String id = ids.get(random.nextInt(ids.size()));
    List<Pack.Version> versions = store.find(id).orElseThrow().versions();
    Pack.Version latest = versions.get(versions.size() - 1);
    String version = nextPatch(latest.version());
    store.publish(id, new Pack.Version(version, PackGenerator.gitRev(random),
        PackContent.sha256(PackContent.seed(seed, id, version), latest.size()), latest.size(), Instant.now()));
    remakeIndex.run();
    return id;
  }

  /** {@code 1.2.3} → {@code 1.2.4}. */
  static String nextPatch(String version) {
    int dot = version.lastIndexOf('.');
    return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
  }

  /** A failed publish is reported and the next one tried: the timer would stop for good on an exception. */
  private void publishLogged() {
    try {
      publishOne();
    } catch (RuntimeException e) {
      System.err.println("packs stand-in: publishing a new version failed: " + e);
    }
  }

  /** Stops publishing, and waits for a publish under way. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
