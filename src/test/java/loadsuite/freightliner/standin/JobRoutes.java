package loadsuite.freightliner.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loadsuite.standin.JsonAnswer;

/**
 * The routes of {@code freightliner serve}: health and metrics without a key, the job API behind
 * {@code X-API-Key} when a key is set. Handlers run on worker threads (the body is read blocking).
 */
final class JobRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpString API_KEY = HttpString.tryFromString("X-API-Key");
  private static final int MAX_BODY = 64 * 1024;
  private static final Set<String> TYPES = Set.of(JobRequest.REPLICATE, JobRequest.REPLICATE_TREE);
  private static final Set<String> STATUSES = Set.of(Job.PENDING, Job.RUNNING, Job.COMPLETED, Job.FAILED);

  private final Jobs jobs;
  private final byte[] apiKey;

  JobRoutes(Jobs jobs, String apiKey) {
    this.jobs = jobs;
    this.apiKey = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
  }

  HttpHandler handler() {
    HttpHandler routes = Handlers.routing()
        .get("/health", exchange -> answer(exchange, 200, Map.of("status", "healthy")))
        .get("/metrics", this::metrics)
        .post("/api/v1/replicate", exchange -> submit(exchange, JobRequest.REPLICATE))
        .post("/api/v1/replicate-tree", exchange -> submit(exchange, JobRequest.REPLICATE_TREE))
        .get("/api/v1/jobs", this::list)
        .get("/api/v1/jobs/{id}", exchange -> answer(exchange, 200, jobs.get(parameter(exchange, "id")).json()))
        .setFallbackHandler(exchange -> {
          throw new ApiError(404, "no route " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
        })
        .setInvalidMethodHandler(exchange -> {
          throw new ApiError(405, "method " + exchange.getRequestMethod() + " not allowed on " + exchange.getRequestPath());
        });
    HttpHandler guarded = exchange -> {
      try {
        if (exchange.getRequestPath().startsWith("/api/")) {
          authenticate(exchange);
        }
        routes.handleRequest(exchange);
      } catch (ApiError e) {
        answer(exchange, e.status, Map.of("error", e.getMessage()));
      }
    };
    // on a worker thread, blocking: a submission reads its body and the job registry may be busy
    return new io.undertow.server.handlers.BlockingHandler(guarded);
  }

  private void authenticate(HttpServerExchange exchange) {
    if (apiKey == null) {
      return;
    }
    String given = exchange.getRequestHeaders().getFirst(API_KEY);
    if (given == null || !MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(401, "Invalid API key");
    }
  }

  private void submit(HttpServerExchange exchange, String type) throws IOException {
    byte[] body = exchange.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new ApiError(413, "the body exceeds " + MAX_BODY + " bytes");
    }
    JsonNode json;
    try {
      json = body.length == 0 ? null : JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ApiError(400, "the body is not JSON: " + e.getOriginalMessage());
    }
    Job job = jobs.submit(JobRequest.read(type, json));
    // the job's status when answered, as the real API: a worker that took it already made it running
    answer(exchange, 202, Map.of("job_id", job.id, "status", job.status()));
  }

  private void list(HttpServerExchange exchange) {
    String type = query(exchange, "type");
    String status = query(exchange, "status");
    if (!type.isEmpty() && !TYPES.contains(type)) {
      throw new ApiError(400, "type must be one of " + TYPES + ", got '" + type + "'");
    }
    if (!status.isEmpty() && !STATUSES.contains(status)) {
      throw new ApiError(400, "status must be one of " + STATUSES + ", got '" + status + "'");
    }
    List<Map<String, Object>> list = jobs.list(type, status).stream().map(Job::json).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jobs", list);
    body.put("count", list.size());
    answer(exchange, 200, body);
  }

  /** Prometheus text: jobs by status, images and bytes replicated. */
  private void metrics(HttpServerExchange exchange) {
    List<Job> all = jobs.all();
    StringBuilder text = new StringBuilder("# HELP freightliner_jobs Replication jobs by status.\n# TYPE freightliner_jobs gauge\n");
    for (String status : List.of(Job.PENDING, Job.RUNNING, Job.COMPLETED, Job.FAILED)) {
      text.append("freightliner_jobs{status=\"").append(status).append("\"} ")
          .append(all.stream().filter(j -> j.status().equals(status)).count()).append('\n');
    }
    text.append("# HELP freightliner_replicated_images_total Images replicated with their digests checked.\n")
        .append("# TYPE freightliner_replicated_images_total counter\n")
        .append("freightliner_replicated_images_total ").append(all.stream().mapToLong(Job::images).sum()).append('\n')
        .append("# HELP freightliner_replicated_bytes_total Bytes of the manifests and blobs replicated.\n")
        .append("# TYPE freightliner_replicated_bytes_total counter\n")
        .append("freightliner_replicated_bytes_total ").append(all.stream().mapToLong(Job::bytes).sum()).append('\n');
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4");
    exchange.getResponseSender().send(text.toString());
  }

  private static void answer(HttpServerExchange exchange, int status, Object body) {
    JsonAnswer.send(exchange, status, JSON, body, "application/json; charset=utf-8");
  }

  private static String parameter(HttpServerExchange exchange, String name) {
    return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
  }

  private static String query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }
}
