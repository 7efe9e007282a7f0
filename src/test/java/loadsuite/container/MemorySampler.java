package loadsuite.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The memory a container uses, from the engine's stats stream (one sample a second): the idle
 * figure is the highest of the first samples after it became ready, before any load; the peak is
 * the highest of every sample after those.
 */
final class MemorySampler implements Closeable {
  private static final int IDLE_SAMPLES = 2;

  private final ResultCallback.Adapter<Statistics> stream;
  private final CountDownLatch idleSamples = new CountDownLatch(IDLE_SAMPLES);
  private long idle;
  private long peak = -1;
  private int samples;

  private MemorySampler(DockerClient client, String containerId) {
    stream = client.statsCmd(containerId).exec(new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Statistics statistics) {
        Long used = used(statistics.getMemoryStats());
        if (used != null) {
          record(used);
        }
      }
    });
  }

  static MemorySampler start(DockerClient client, String containerId) {
    return new MemorySampler(client, containerId);
  }

  /** Waits for the idle samples; null when the engine sent none in time. */
  Long idle(Duration timeout) throws InterruptedException {
    if (!idleSamples.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return null;
    }
    synchronized (this) {
      return idle;
    }
  }

  /** The highest sample since the idle ones, or the idle figure when no sample came after them. */
  synchronized long peak() {
    return Math.max(peak, idle);
  }

  synchronized int samples() {
    return samples;
  }

  private synchronized void record(long used) {
    samples++;
    if (idleSamples.getCount() > 0) {
      idle = Math.max(idle, used);
      idleSamples.countDown();
    } else {
      peak = Math.max(peak, used);
    }
  }

  /** As {@code docker stats} computes it: usage less inactive file cache (cgroup v1 and v2 name it differently). */
  private static Long used(MemoryStatsConfig memory) {
    if (memory == null || memory.getUsage() == null || memory.getUsage() == 0) {
      return null;
    }
    long usage = memory.getUsage();
    if (memory.getStats() != null) {
      Long inactive = memory.getStats().getTotalInactiveFile() != null
          ? memory.getStats().getTotalInactiveFile() : memory.getStats().getInactiveFile();
      if (inactive != null && inactive < usage) {
        return usage - inactive;
      }
    }
    return usage;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException ignored) {
      // the container is going away; the figures are already taken
    }
  }
}
