package loadsuite.freightliner.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One replication job and its state, as {@code GET /api/v1/jobs/{id}} shows it. */
final class Job {
  static final String PENDING = "pending";
  static final String RUNNING = "running";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";

  final String id;
  final JobRequest request;
  private String status = PENDING;
  private Instant start;
  private Instant end;
  private String error;
  private final List<String> replicated = new ArrayList<>();
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
    start = Instant.now();
  }

  /** An image now at the destination with the source's digests. */
  synchronized void replicated(String image, long imageBytes) {
    replicated.add(image);
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

  synchronized Map<String, Object> json() {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("type", request.type());
    job.put("source", request.source());
    job.put("destination", request.destination());
    job.put("start_time", start == null ? null : start.toString());
    job.put("end_time", end == null ? null : end.toString());
    job.put("status", status);
    job.put("error", error);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("images_replicated", images);
    result.put("bytes_replicated", bytes);
    result.put("images", List.copyOf(replicated));
    result.put("dry_run", request.dryRun());
    job.put("result", result);
    return job;
  }
}
