package loadsuite.nebulagc;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;
import static loadsuite.load.NamedRequests.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import loadsuite.load.RunId;

/**
 * The requests of NebulaGC's workloads, as the real router takes them (seed 004's notes), with the
 * checks that make a wrong answer a failure: the status (a 429 is a failure like any other), the
 * {@code {"data": …}} shape, the bundle's version, ETag and length, 304 where the client is current.
 * Each request sends the virtual user's credential from its session: {@link #NODE_TOKEN} (its node's),
 * or {@link #CLUSTER_TOKEN}.
 */
final class NebulaRequests {
  static final String VERSION = "GET /api/v1/config/version";
  static final String DOWNLOAD_BUNDLE = "GET /api/v1/config/bundle";
  static final String POLL_BUNDLE = "GET /api/v1/config/bundle?current_version=";
  static final String UPLOAD_BUNDLE = "POST /api/v1/config/bundle";
  static final String CREATE_NODE = "POST /api/v1/nodes";
  static final String LIST_NODES = "GET /api/v1/nodes";
  static final String SET_MTU = "PATCH /api/v1/nodes/{id}/mtu";
  static final String ROTATE_TOKEN = "POST /api/v1/nodes/{id}/token";
  static final String DELETE_NODE = "DELETE /api/v1/nodes/{id}";
  static final String TOPOLOGY = "GET /api/v1/topology";
  static final String ROUTES = "GET /api/v1/routes";
  static final String CLUSTER_ROUTES = "GET /api/v1/routes/cluster";
  static final String SET_ROUTES = "PUT /api/v1/routes";
  /** Not a request: the time from a bundle upload until a poller holds it ({@link UpdateDetection}). */
  static final String UPDATE_DETECTION = "update detection";

  /** Session keys: the virtual user's node (fed), the cluster token and what the preparation set up (fed). */
  static final String NODE_TOKEN = "nodeToken";
  static final String NODE_ID = "nodeId";
  static final String ROUTE = "route";
  static final String CLUSTER_TOKEN = "clusterToken";
  static final String BUNDLE_VERSION = "bundleVersion";
  static final String LIGHTHOUSES = "lighthouses";
  static final String RELAYS = "relays";
  /** The bundle version a poller holds. */
  static final String HELD = "held";
  private static final String CREATED_ID = "createdId";
  private static final String CREATED_TOKEN = "createdToken";
  private static final String CREATED_NAME = "createdName";
  private static final String PAGE = "page";
  private static final String ITERATIONS = "crudIterations";

  /** Page size of the listing: small, so that a cluster of a few dozen nodes has several pages. */
  static final int PAGE_SIZE = 10;
  static final int PAGES = 3;
  private static final int NEW_MTU = 1400;
  private static final String NODE_HEADER = NebulaAdmin.NODE_TOKEN;
  private static final String CLUSTER_HEADER = NebulaAdmin.CLUSTER_TOKEN;
  private static final AtomicLong CREATED = new AtomicLong();

  private NebulaRequests() {}

  static HttpRequestActionBuilder versionCheck() {
    return http(VERSION).get("/api/v1/config/version").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(200), jsonPath("$.data.version").ofLong().gt(0L));
  }

  /** The bundle uploaded before the load: its version, ETag, type and length. */
  static HttpRequestActionBuilder downloadBundle(int length) {
    return http(DOWNLOAD_BUNDLE).get("/api/v1/config/bundle").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(200),
            header("X-Config-Version").isEL("#{" + BUNDLE_VERSION + "}"),
            header("ETag").isEL("\"v#{" + BUNDLE_VERSION + "}\""),
            header("Content-Type").is("application/gzip"),
            bodyLength().is(length));
  }

  /**
   * A daemon's poll: a version check (never below the version it holds), then a bundle request with
   * {@code current_version}: 304 with the ETag of that version when it is current, else 200 with a
   * newer version, which the poller then holds.
   */
  static ChainBuilder poll(int length) {
    return exec(
        versionCheck().check(jsonPath("$.data.version").ofLong().gte(session -> session.getLong(HELD))),
        http(POLL_BUNDLE).get("/api/v1/config/bundle?current_version=#{" + HELD + "}")
            .header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
            .check(status().in(200, 304))
            .checkIf((response, session) -> response.status().code() == 304)
            .then(header("ETag").is(session -> "\"v" + session.getLong(HELD) + "\""))
            .checkIf((response, session) -> response.status().code() == 200)
            .then(header("X-Config-Version").transform(Long::parseLong).gt(session -> session.getLong(HELD)).saveAs(HELD),
                header("ETag").transform(etag -> etag.matches("\"v\\d+\"")).is(true),
                bodyLength().is(length)));
  }

  /** An admin's upload of a new bundle, whose version is saved as {@link UpdateDetection#UPLOADED_VERSION}. */
  static HttpRequestActionBuilder uploadBundle(Function<Session, byte[]> bundle, Function<Session, String> adminToken) {
    return http(UPLOAD_BUNDLE).post("/api/v1/config/bundle")
        .header(NODE_HEADER, adminToken)
        .header("Content-Type", "application/gzip")
        .body(ByteArrayBody(bundle))
        .check(status().is(200), jsonPath("$.data.version").ofLong().saveAs(UpdateDetection.UPLOADED_VERSION));
  }

  /**
   * Node CRUD as an admin node: create a node, list a page of the cluster's nodes, change the new
   * node's MTU, rotate its token, delete it. What the create does not give, the rest skips.
   */
  static ChainBuilder nodeLifecycle() {
    return exec(session -> {
          int iteration = session.contains(ITERATIONS) ? session.getInt(ITERATIONS) + 1 : 0;
          return session.remove(CREATED_ID).set(ITERATIONS, iteration).set(PAGE, iteration % PAGES + 1)
              .set(CREATED_NAME, "loadtest-" + RunId.VALUE + "-crud-" + CREATED.incrementAndGet());
        })
        .exec(createNode(), listNodes())
        .doIf(session -> session.contains(CREATED_ID))
        .then(exec(setMtu(), rotateToken(), deleteNode()));
  }

  private static HttpRequestActionBuilder createNode() {
    return http(CREATE_NODE).post("/api/v1/nodes").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .header("Content-Type", "application/json")
        .body(StringBody("{\"name\":\"#{" + CREATED_NAME + "}\",\"is_admin\":false,\"mtu\":1300}"))
        .check(status().is(201), jsonPath("$.data.node_id").saveAs(CREATED_ID),
            jsonPath("$.data.node_token").transform(String::length).gte(NebulaCredentials.MIN_LENGTH),
            jsonPath("$.data.node_token").saveAs(CREATED_TOKEN));
  }

  private static HttpRequestActionBuilder listNodes() {
    return http(LIST_NODES).get("/api/v1/nodes?page=#{" + PAGE + "}&page_size=" + PAGE_SIZE).header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(200), jsonPath("$.data.page").ofInt().is(session -> session.getInt(PAGE)),
            jsonPath("$.data.per_page").ofInt().is(PAGE_SIZE), jsonPath("$.data.total").ofInt().gte(1),
            jsonPath("$.data.nodes").exists());
  }

  private static HttpRequestActionBuilder setMtu() {
    return http(SET_MTU).patch("/api/v1/nodes/#{" + CREATED_ID + "}/mtu").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .header("Content-Type", "application/json")
        .body(StringBody("{\"mtu\":" + NEW_MTU + "}"))
        .check(status().is(200), jsonPath("$.data.node_id").isEL("#{" + CREATED_ID + "}"), jsonPath("$.data.mtu").ofInt().is(NEW_MTU));
  }

  private static HttpRequestActionBuilder rotateToken() {
    return http(ROTATE_TOKEN).post("/api/v1/nodes/#{" + CREATED_ID + "}/token").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(200), jsonPath("$.data.node_id").isEL("#{" + CREATED_ID + "}"),
            jsonPath("$.data.node_token").notEL("#{" + CREATED_TOKEN + "}"));
  }

  private static HttpRequestActionBuilder deleteNode() {
    return http(DELETE_NODE).delete("/api/v1/nodes/#{" + CREATED_ID + "}").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(204));
  }

  /** The cluster's topology with the cluster token ({@code {"data":{"lighthouses","relays","routes"}}}): at least the lighthouses and relays the preparation assigned. */
  static HttpRequestActionBuilder topology() {
    return http(TOPOLOGY).get("/api/v1/topology").header(CLUSTER_HEADER, "#{" + CLUSTER_TOKEN + "}")
        .check(status().is(200), jsonPath("$.data.routes").exists(),
            jsonPath("$.data.lighthouses[*].node_id").count().gte(session -> session.getInt(LIGHTHOUSES)),
            jsonPath("$.data.relays[*].node_id").count().gte(session -> session.getInt(RELAYS)));
  }

  /** The node's own routes, with its token: the one the preparation advertised. */
  static HttpRequestActionBuilder routes() {
    return http(ROUTES).get("/api/v1/routes").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(200), jsonPath("$.data.routes[0]").isEL("#{" + ROUTE + "}"));
  }

  /** Every node's routes, with the node's token: its own among them. */
  static HttpRequestActionBuilder clusterRoutes() {
    return http(CLUSTER_ROUTES).get("/api/v1/routes/cluster").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .check(status().is(200), jsonPath("$.data.routes['#{" + NODE_ID + "}'][0]").isEL("#{" + ROUTE + "}"));
  }

  /** A write: the node advertises its route again (the server stores it and bumps the cluster's version). */
  static HttpRequestActionBuilder setRoutes() {
    return http(SET_ROUTES).put("/api/v1/routes").header(NODE_HEADER, "#{" + NODE_TOKEN + "}")
        .header("Content-Type", "application/json")
        .body(StringBody("{\"routes\":[\"#{" + ROUTE + "}\"]}"))
        .check(status().is(200), jsonPath("$.message").exists());
  }
}
