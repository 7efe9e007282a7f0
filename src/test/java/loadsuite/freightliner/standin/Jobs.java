package loadsuite.freightliner.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The jobs of the stand-in, run by a bounded pool of workers (Freightliner's {@code --workers}),
 * with a bounded queue of waiting jobs: past it, a submission gets 503.
 */
final class Jobs {
  private final Map<String, Job> byId = new ConcurrentHashMap<>();
  private final List<Job> inOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ExecutorService workers;

  Jobs(int workers, int queued) {
    AtomicInteger names = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queued), task -> {
      Thread thread = new Thread(task, "replication-worker-" + names.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  Job submit(JobRequest request) {
    Job job = new Job(UUID.randomUUID().toString(), request);
    try {
      workers.execute(() -> run(job));
    } catch (RejectedExecutionException e) {
      // the real API holds such a POST up to 30 s, then answers 500; at once and 503 is what is meant
      throw new ApiError(503, "the job queue is full; try again later");
    }
    byId.put(job.id, job);
    inOrder.add(job);
    return job;
  }

  private static void run(Job job) {
    job.started();
    try {
      Replication.run(job);
      job.completed();
    } catch (RuntimeException e) {
      job.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  Job get(String id) {
    Job job = byId.get(id);
    if (job == null) {
      throw new ApiError(404, "job " + id + " not found");
    }
    return job;
  }

  /** The jobs of a type and status (either may be empty: any), oldest first. */
  List<Job> list(String type, String status) {
    List<Job> matching = new ArrayList<>();
    for (Job job : inOrder) {
      if ((type.isEmpty() || job.request.type().equals(type)) && (status.isEmpty() || job.status().equals(status))) {
        matching.add(job);
      }
    }
    return matching;
  }

  List<Job> all() {
    return List.copyOf(inOrder);
  }

  void close() {
    workers.shutdownNow();
  }
}
