package loadsuite.runtime.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Handlers;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import loadsuite.standin.StandInServer;
import loadsuite.standin.StandIn;
import loadsuite.standin.StandInMain;

/**
 * The request runtime of seed 002 as an embedded stand-in: the routes its own tests and
 * benchmarks use, with its error bodies. Built on Undertow; every handler runs on the I/O
 * threads without blocking, so the stand-in is not what limits the runtime simulations.
 */
public final class RuntimeStandIn implements StandIn {
  /** A handler that does not answer within this time gets 408, as with gati's own timeout (30 s there: 1 s keeps tests short). */
  static final long HANDLER_TIMEOUT_MS = 1000;
  /** Above it 413: gati sets no limit on a body, a defect the stand-in does not copy. */
  private static final long MAX_BODY_BYTES = 1 << 20;
  /**
   * The most messages a batch may hold: gati's queue fabric holds 10,000 (maxQueueDepth's default,
   * packages/runtime/src/queue-fabric.ts line 77; publish throws past it, line 97), so a larger batch
   * can never be published there. The stand-in's own queue holds more: it refuses such a batch 413.
   */
  public static final int MAX_BATCH_MESSAGES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpString TRACE_ID = HttpString.tryFromString("x-trace-id");
  private static final HttpString TENANT_ID = HttpString.tryFromString("x-tenant-id");
  private static final HttpString RESPONSE_TIME = HttpString.tryFromString("x-response-time");
  private static final byte[] SIMPLE = "{\"message\":\"Hello, World!\"}".getBytes();

  private final UserStore users = new UserStore();
  private final QueueFabric queue = new QueueFabric();
  private final StandInServer server;

  private RuntimeStandIn(String host, int port) {
    HttpHandler routes = Handlers.routing()
        .get("/health", this::health)
        .get("/users/{id}", this::getUser)
        .post("/users", this::createUser)
        .get("/simple", exchange -> send(exchange, 200, SIMPLE))
        .get("/module", this::module)
        .get("/hooks", this::hooks)
        .post("/queue/{topic}", this::publish)
        .get("/delay/{ms}", this::delay)
        .setFallbackHandler(RuntimeStandIn::notFound)
        .setInvalidMethodHandler(RuntimeStandIn::notFound);
    server = StandInServer.start(host, port, routes, builder -> builder.setServerOption(UndertowOptions.MAX_ENTITY_SIZE, MAX_BODY_BYTES));
  }

  /** Starts on {@code host:port}; port 0 picks a free one. */
  public static RuntimeStandIn start(String host, int port) {
    return new RuntimeStandIn(host, port);
  }

  /** Runs it alone: {@code RuntimeStandIn [host] [port]}. */
  public static void main(String[] args) throws InterruptedException {
    StandInMain.run(args, RuntimeStandIn::start);
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String description() {
    return "runtime stand-in at " + baseUrl();
  }

  /** Stops taking requests (503 to new ones), lets those in flight finish, then stops. */
  @Override
  public void close() {
    server.close();
    queue.close();
  }

  private void health(HttpServerExchange exchange) {
    sendJson(exchange, 200, Map.of("status", "healthy", "timestamp", Instant.now().toString()));
  }

  private void getUser(HttpServerExchange exchange) {
    String id = exchange.getQueryParameters().get("id").getFirst();
    long userId;
    try {
      userId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      error(exchange, 400, "Bad Request", "User id must be a number, got '" + id + "'");
      return;
    }
    UserStore.User user = users.find(userId);
    if (user == null) {
      error(exchange, 404, "Not Found", "User " + userId + " not found");
      return;
    }
    sendJson(exchange, 200, Map.of("user", user));
  }

  private void createUser(HttpServerExchange exchange) {
    exchange.getRequestReceiver().receiveFullBytes(
        (ex, body) -> {
          JsonNode json = parse(body);
          if (json == null || !json.isObject()) {
            error(ex, 400, "Bad Request", "The body must be a JSON object {\"name\": …, \"email\": …}");
          } else if (!json.path("name").isTextual() || !json.path("email").isTextual()) {
            error(ex, 400, "Bad Request", "Fields 'name' and 'email' are required strings");
          } else {
            sendJson(ex, 201, Map.of("user", users.create(json.get("name").asText(), json.get("email").asText())));
          }
        },
        RuntimeStandIn::bodyFailed);
  }

  /** A handler that calls an in-process module: a lookup in the user store, as a database call would be. */
  private void module(HttpServerExchange exchange) {
    Deque<String> id = exchange.getQueryParameters().get("id");
    long userId = 1;
    if (id != null) {
      try {
        userId = Math.floorMod(Long.parseLong(id.getFirst()) - 1, UserStore.SEEDED) + 1;
      } catch (NumberFormatException e) {
        error(exchange, 400, "Bad Request", "Query parameter id must be a number");
        return;
      }
    }
    sendJson(exchange, 200, Map.of("user", users.find(userId), "module", "db"));
  }

  /** Before hooks (trace id, tenant), the handler, then after hooks (echo trace id, timing). */
  private void hooks(HttpServerExchange exchange) {
    long start = System.nanoTime();
    String traceId = exchange.getRequestHeaders().getFirst(TRACE_ID);
    if (traceId == null || traceId.isBlank()) {
      traceId = UUID.randomUUID().toString();
    }
    String tenant = exchange.getRequestHeaders().getFirst(TENANT_ID);
    if (tenant == null || tenant.isBlank()) {
      tenant = "default";
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "Hello from hooks");
    body.put("traceId", traceId);
    body.put("tenant", tenant);
    exchange.getResponseHeaders().put(TRACE_ID, traceId);
    exchange.getResponseHeaders().put(RESPONSE_TIME, (System.nanoTime() - start) / 1000 + "us");
    sendJson(exchange, 200, body);
  }

  /** Publishes a JSON array of messages (or one message) to a topic of the queue fabric. */
  private void publish(HttpServerExchange exchange) {
    String topic = exchange.getQueryParameters().get("topic").getFirst();
    exchange.getRequestReceiver().receiveFullBytes(
        (ex, body) -> {
          JsonNode json = parse(body);
          if (json == null || !(json.isArray() || json.isObject())) {
            error(ex, 400, "Bad Request", "The body must be a JSON message or an array of messages");
            return;
          }
          List<String> payloads = new ArrayList<>();
          if (json.isArray()) {
            json.forEach(message -> payloads.add(message.toString()));
          } else {
            payloads.add(json.toString());
          }
          if (payloads.size() > MAX_BATCH_MESSAGES) {
            error(ex, 413, "Payload Too Large", "A batch holds at most " + MAX_BATCH_MESSAGES + " messages, the queue's depth");
            return;
          }
          if (!queue.publish(topic, payloads)) {
            error(ex, 503, "Service Unavailable", "Queue full: retry later");
            return;
          }
          sendJson(ex, 202, Map.of("topic", topic, "published", payloads.size()));
        },
        RuntimeStandIn::bodyFailed);
  }

  /** Answers after {@code ms} milliseconds, or 408 once the handler timeout has passed. */
  private void delay(HttpServerExchange exchange) {
    long ms;
    try {
      ms = Long.parseLong(exchange.getQueryParameters().get("ms").getFirst());
    } catch (NumberFormatException e) {
      error(exchange, 400, "Bad Request", "Delay must be a number of milliseconds");
      return;
    }
    AtomicBoolean answered = new AtomicBoolean();
    exchange.dispatch(io.undertow.util.SameThreadExecutor.INSTANCE, () -> {
      exchange.getIoThread().executeAfter(() -> {
        if (answered.compareAndSet(false, true)) {
          sendJson(exchange, 200, Map.of("delayedMs", ms));
        }
      }, Math.max(0, ms), TimeUnit.MILLISECONDS);
      exchange.getIoThread().executeAfter(() -> {
        if (answered.compareAndSet(false, true)) {
          error(exchange, 408, "Request Timeout", "Handler did not answer within " + HANDLER_TIMEOUT_MS + " ms");
        }
      }, HANDLER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    });
  }

  private static void notFound(HttpServerExchange exchange) {
    error(exchange, 404, "Not Found", "Cannot " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
  }

  private static void bodyFailed(HttpServerExchange exchange, java.io.IOException e) {
    if (exchange.isResponseStarted()) {
      return;
    }
    boolean tooLarge = e.getMessage() != null && e.getMessage().contains("UT000020");
    error(exchange, tooLarge ? 413 : 400, tooLarge ? "Payload Too Large" : "Bad Request",
        tooLarge ? "The body exceeds " + MAX_BODY_BYTES + " bytes" : "The body could not be read");
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static void error(HttpServerExchange exchange, int status, String error, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    sendJson(exchange, status, body);
  }

  private static void sendJson(HttpServerExchange exchange, int status, Object body) {
    try {
      send(exchange, status, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body, e);
    }
  }

  private static void send(HttpServerExchange exchange, int status, byte[] body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
