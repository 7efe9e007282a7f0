package loadsuite.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The load generator's own process, sampled once a second during the run: its CPU (a share of
 * all the cores it has), its heap in use, and every GC pause. In embedded mode this process also
 * runs the system under test, so its CPU is theirs together.
 */
public final class GeneratorSampler implements AutoCloseable {
  /** One second of the run: {@code at} seconds since the start, CPU as a fraction of all cores. */
  public record Sample(double at, double cpu, long heapUsed) {}

  /** One stop-the-world pause, {@code at} seconds since the start. */
  public record Pause(double at, long millis) {}

  private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final long start = System.nanoTime();
  private final List<Sample> samples = new ArrayList<>();
  private final List<Pause> pauses = new ArrayList<>();
  private final NotificationListener onGc = (notification, handback) -> {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      if (isPause(info.getGcName())) {
        addPause(new Pause(elapsed(), info.getGcInfo().getDuration()));
      }
    }
  };
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "generator-sampler");
    thread.setDaemon(true);
    return thread;
  });

  private GeneratorSampler() {}

  /** Starts sampling now; {@link #close()} stops it. */
  public static GeneratorSampler start() {
    GeneratorSampler sampler = new GeneratorSampler();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener(sampler.onGc, null, null);
    }
    sampler.timer.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
    return sampler;
  }

  public int cores() {
    return os.getAvailableProcessors();
  }

  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** The CPU of the last sample (a fraction of all cores), or 0 before the first. */
  public synchronized double lastCpu() {
    return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).cpu();
  }

  public synchronized List<Pause> pauses() {
    return List.copyOf(pauses);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(onGc);
      } catch (javax.management.ListenerNotFoundException e) {
        // already removed by an earlier close
      }
    }
  }

  /**
   * Whether a collector's time is a pause of the application: a concurrent collector's cycles
   * (G1's "G1 Concurrent GC", ZGC's and Shenandoah's "Cycles") run beside it.
   */
  static boolean isPause(String collector) {
    return !collector.contains("Concurrent") && !collector.contains("Cycles");
  }

  private void sample() {
    double cpu = os.getProcessCpuLoad();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    synchronized (this) {
      if (cpu >= 0) {
        samples.add(new Sample(elapsed(), cpu, heap));
      }
    }
  }

  private synchronized void addPause(Pause pause) {
    pauses.add(pause);
  }

  private double elapsed() {
    return (System.nanoTime() - start) / 1e9;
  }
}
