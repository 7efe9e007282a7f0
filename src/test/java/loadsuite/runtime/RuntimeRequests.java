package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.status;
import static loadsuite.load.NamedRequests.http;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import loadsuite.runtime.standin.UserStore;

/** The requests of the runtime's workloads, with the checks that make a wrong answer a failure. */
final class RuntimeRequests {
  static final String SIMPLE = "GET /simple";
  static final String MODULE = "GET /module";
  static final String HOOKS = "GET /hooks";
  static final String GET_USER = "GET /users/{id}";
  static final String CREATE_USER = "POST /users";
  static final String PUBLISH = "POST /queue/{topic}";

  private static final AtomicLong CREATED = new AtomicLong();

  private RuntimeRequests() {}

  static HttpRequestActionBuilder simple() {
    return http(SIMPLE).get("/simple").check(status().is(200));
  }

  /** {@code GET /simple} of the runtime at the base URL the session gives. */
  static HttpRequestActionBuilder simple(Function<Session, String> baseUrl) {
    return http(SIMPLE).get(session -> baseUrl.apply(session) + "/simple").check(status().is(200));
  }

  static HttpRequestActionBuilder module() {
    return http(MODULE).get(session -> "/module?id=" + randomSeededUser()).check(status().is(200), jsonPath("$.user.id").exists());
  }

  static HttpRequestActionBuilder hooks() {
    return http(HOOKS).get("/hooks")
        .header("x-trace-id", session -> "trace-" + session.userId())
        .header("x-tenant-id", "load-test")
        .check(status().is(200), jsonPath("$.traceId").is(session -> "trace-" + session.userId()));
  }

  static HttpRequestActionBuilder getUser() {
    return http(GET_USER).get(session -> "/users/" + randomSeededUser()).check(status().is(200), jsonPath("$.user.id").exists());
  }

  static HttpRequestActionBuilder createUser() {
    return http(CREATE_USER).post("/users")
        .header("content-type", "application/json")
        .body(StringBody(session -> {
          long n = CREATED.incrementAndGet();
          return "{\"name\":\"Load User " + n + "\",\"email\":\"load" + n + "@example.com\"}";
        }))
        .check(status().is(201), jsonPath("$.user.id").exists());
  }

  /** Publishes a batch of {@code batchSize} messages; the runtime must accept all of them. */
  static HttpRequestActionBuilder publish(int batchSize) {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < batchSize; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"event\":\"load\",\"seq\":").append(i).append('}');
    }
    String body = batch.append(']').toString();
    return http(PUBLISH).post("/queue/load-test")
        .header("content-type", "application/json")
        .body(StringBody(body))
        .check(status().is(202), jsonPath("$.published").ofInt().is(batchSize));
  }

  private static int randomSeededUser() {
    return ThreadLocalRandom.current().nextInt(1, UserStore.SEEDED + 1);
  }
}
