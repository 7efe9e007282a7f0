package loadsuite.freightliner.standin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One replication job and its state, as {@code GET /api/v1/jobs/{id}} shows it. */
final class Job {
  static final String PENDING = "pending";
  static final String RUNNING = "running";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";

  final String id;
  final JobRequest request;
  private String status = PENDING;
  /** The submission, as the real API's {@code start_time}. */
  private final Instant start = Instant.now();
  private Instant end;
  private String error;
  private final Set<String> repositories = new LinkedHashSet<>();
  private long images;
  private long bytes;

  Job(String id, JobRequest request) {
    this.id = id;
    this.request = request;
  }

  synchronized String status() {
    return status;
  }

  synchronized void started() {
    status = RUNNING;
  }

  /** An image now at the destination repository with the source's digests. */
  synchronized void replicated(String repository, long imageBytes) {
    repositories.add(repository);
    images++;
    bytes += imageBytes;
  }

  synchronized void completed() {
    status = COMPLETED;
    end = Instant.now();
  }

  synchronized void failed(String why) {
    status = FAILED;
    error = why;
    end = Instant.now();
  }

  synchronized long bytes() {
    return bytes;
  }

  synchronized long images() {
    return images;
  }

  /**
   * The real API's job: its {@code result} has the Go field names of Freightliner's result of that
   * type. Where the real one has defects, this keeps the intended: {@code end_time} is null until the
   * end (not Go's zero time), and a job ends completed only when every image was copied.
   */
  synchronized Map<String, Object> json() {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("type", request.type());
    job.put("source", request.source());
    job.put("destination", request.destination());
    job.put("start_time", start.toString());
    job.put("end_time", end == null ? null : end.toString());
    job.put("status", status);
    job.put("error", error);
    Map<String, Object> result = new LinkedHashMap<>();
    if (request.type().equals(JobRequest.REPLICATE)) {
      result.put("Success", COMPLETED.equals(status));
      result.put("BytesCopied", bytes);
    } else {
      result.put("RepositoriesReplicated", repositories.size());
      result.put("RepositoriesFailed", FAILED.equals(status) ? 1 : 0);
      result.put("TotalTagsCopied", images);
      result.put("TotalBytesTransferred", bytes);
    }
    job.put("result", result);
    return job;
  }
}
