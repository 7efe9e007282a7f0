package loadsuite.nebulagc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import loadsuite.http.BaseUrl;
import loadsuite.sut.PreparationClient;
import loadsuite.sut.SutUnavailableException;

/**
 * The preparation's client of the admin API: it creates the nodes a workload needs, uploads
 * bundles, advertises routes and assigns lighthouses and relays, before any load. It keeps to the
 * server's limits itself: it sends from 127.0.0.1 (the load uses 127.0.0.2 on) at most
 * {@link #RATE} requests a second, 80 % of the per-IP limit, and creates nodes as
 * {@link #PREPARATION_ADMINS} admin nodes of its own in turn, so that none goes past 80 % of
 * its {@code /nodes} limit; the server's admin token only creates those. An answer other than the
 * expected one stops the run before any load, saying what the server answered.
 */
final class NebulaAdmin {
  static final String NODE_TOKEN = "X-NebulaGC-Node-Token";
  static final String CLUSTER_TOKEN = "X-NebulaGC-Cluster-Token";
  /** Requests a second: 80 % of the server's 100/s per client IP. */
  static final double RATE = 80;
  /** Each creates half the nodes: 40/s, 80 % of the server's 50/s per node on /nodes. */
  static final int PREPARATION_ADMINS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A node the preparation created: its id, token and name. */
  record Node(String id, String token, String name) {}

  private final String base;
  private final NebulaCredentials credentials;
  private final PreparationClient http;
  private final List<Node> admins = new ArrayList<>();
  private final String prefix;
  private long nextSend = System.nanoTime();
  private int created;

  /** {@code prefix} names everything it creates: {@code loadtest-<run>-<workload>}. */
  NebulaAdmin(String baseUrl, NebulaCredentials credentials, String prefix) {
    this.base = baseUrl;
    this.credentials = credentials;
    this.http = new PreparationClient("the NebulaGC at " + baseUrl);
    this.prefix = prefix;
  }

  /** Creates {@code count} nodes named {@code <prefix>-<kind>-<n>}, admin nodes when {@code admin}. */
  List<Node> createNodes(String kind, int count, boolean admin) {
    List<Node> nodes = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      nodes.add(createNode(kind + "-" + i, admin));
    }
    return nodes;
  }

  Node createNode(String kind, boolean admin) {
    String name = prefix + "-" + kind;
    String body = "{\"name\":\"" + name + "\",\"is_admin\":" + admin + ",\"mtu\":1300}";
    JsonNode data = send("POST", "/api/v1/nodes", json(body), 201, NODE_TOKEN, nextAdmin().token(), "Content-Type", "application/json")
        .get("data");
    return new Node(data.path("node_id").asText(), data.path("node_token").asText(), name);
  }

  /** Uploads a bundle as the preparation's first admin node; the bundle's version, from the answer. */
  long uploadBundle(byte[] bundle) {
    JsonNode answer = send("POST", "/api/v1/config/bundle", BodyPublishers.ofByteArray(bundle), 200,
        NODE_TOKEN, admins().get(0).token(), "Content-Type", "application/gzip");
    return answer.path("data").path("version").asLong();
  }

  /** The subnets {@code node} advertises, set with its own token. */
  void advertise(Node node, String cidr) {
    send("PUT", "/api/v1/routes", json("{\"routes\":[\"" + cidr + "\"]}"), 200, NODE_TOKEN, node.token(), "Content-Type", "application/json");
  }

  void assignLighthouse(Node node, String publicIp, int port) {
    send("POST", "/api/v1/topology/lighthouse", json("{\"node_id\":\"" + node.id() + "\",\"public_ip\":\"" + publicIp + "\",\"port\":" + port + "}"),
        200, CLUSTER_TOKEN, credentials.clusterToken(), "Content-Type", "application/json");
  }

  void assignRelay(Node node) {
    send("POST", "/api/v1/topology/relay", json("{\"node_id\":\"" + node.id() + "\"}"), 200,
        CLUSTER_TOKEN, credentials.clusterToken(), "Content-Type", "application/json");
  }

  /** How long creating {@code nodes} more nodes takes at the preparation's rate, for the plan. */
  static Duration timeToCreate(int nodes) {
    return Duration.ofMillis(Math.round((nodes + PREPARATION_ADMINS) * 1000 / RATE));
  }

  /** The preparation's admin nodes, created with the server's admin token the first time. */
  private List<Node> admins() {
    if (admins.isEmpty()) {
      for (int i = 1; i <= PREPARATION_ADMINS; i++) {
        String name = prefix + "-preparation-admin-" + i;
        JsonNode data = send("POST", "/api/v1/nodes", json("{\"name\":\"" + name + "\",\"is_admin\":true}"), 201,
            NODE_TOKEN, credentials.adminToken(), "Content-Type", "application/json").get("data");
        admins.add(new Node(data.path("node_id").asText(), data.path("node_token").asText(), name));
      }
    }
    return admins;
  }

  private Node nextAdmin() {
    return admins().get(created++ % PREPARATION_ADMINS);
  }

  private static HttpRequest.BodyPublisher json(String body) {
    return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  /** Sends at the preparation's pace; the answer's JSON (null for none) when its status is {@code expected}. */
  private JsonNode send(String method, String path, HttpRequest.BodyPublisher body, int expected, String... headers) {
    pace();
    HttpRequest.Builder request = HttpRequest.newBuilder(BaseUrl.join(base, path)).timeout(TIMEOUT).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<byte[]> response = http.send(request.build());
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != expected) {
      throw new SutUnavailableException("the NebulaGC at " + base + " answered " + response.statusCode() + " to " + method + " " + path
          + " while the load was being prepared (" + abbreviate(text) + ")" + hint(response.statusCode()) + ". No load was sent.");
    }
    try {
      return text.isEmpty() ? null : JSON.readTree(text);
    } catch (IOException e) {
      throw new SutUnavailableException("the NebulaGC at " + base + " answered " + method + " " + path + " with no JSON: " + abbreviate(text)
          + ". No load was sent.", e);
    }
  }

  private String hint(int status) {
    return switch (status) {
      case 401, 403 -> ": is " + credentials.describe() + " what the server was started with?";
      case 429 -> ": something else is sending to it from 127.0.0.1, or its limits are lower than the real server's";
      default -> "";
    };
  }

  /** Waits until the next send is due: one every 1/RATE s, each wait bounded by that period. */
  private void pace() {
    long now = System.nanoTime();
    if (nextSend > now) {
      PreparationClient.pause(nextSend - now);
    }
    nextSend = Math.max(now, nextSend) + Math.round(1e9 / RATE);
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
