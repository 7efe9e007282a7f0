package loadsuite.nebulagc.standin;

import static loadsuite.nebulagc.standin.NebulaTestClient.ADMIN_TOKEN;
import static loadsuite.nebulagc.standin.NebulaTestClient.CLUSTER_TOKEN;
import static loadsuite.nebulagc.standin.NebulaTestClient.json;
import static loadsuite.nebulagc.standin.NebulaTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each route with its success shape and credentials, conditional bundle downloads, WAL, restarts and token rotation. */
class NebulaStandInTest {
  private static NebulaStandIn standIn;
  private static NebulaTestClient client;

  @BeforeAll
  static void start() {
    standIn = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options());
    client = new NebulaTestClient(standIn.baseUrl());
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void describesItself() {
    assertThat(standIn.description()).matches(
        "NebulaGC stand-in at http://127\\.0\\.0\\.1:\\d+, SQLite WAL .*nebulagc-standin-.*\\.db, rate limits off");
  }

  @Test
  void healthRoutesAndMetricsNeedNoToken() {
    assertThat(json(client.get("/health/live")).at("/data/status").asText()).isEqualTo("ok");
    JsonNode ready = json(client.get("/health/ready")).get("data");
    assertThat(ready.get("status").asText()).isEqualTo("ready");
    assertThat(ready.get("database").asText()).isEqualTo("connected");
    JsonNode master = json(client.get("/health/master")).get("data");
    assertThat(master.get("is_master").asBoolean()).isTrue();
    assertThat(master.get("instance_id").asText()).isEqualTo(ready.get("instance_id").asText());

    HttpResponse<byte[]> metrics = client.get("/metrics");
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(text(metrics)).contains("nebulagc_http_requests_total{method=\"GET\",path=\"/health/live\",status=\"200\"}")
        .contains("nebulagc_http_requests_in_flight ");
  }

  @Test
  void configVersionCountsEveryChangeToTheCluster() {
    long before = version();
    client.createNode("versioned");
    assertThat(version()).isEqualTo(before + 1);
  }

  @Test
  void createdNodeGetsItsCredentials() {
    HttpResponse<byte[]> created = client.send("POST", "/api/v1/nodes",
        "{\"name\":\"edge-1\",\"is_admin\":false,\"mtu\":1400}".getBytes(),
        NebulaTestClient.NODE, ADMIN_TOKEN, NebulaTestClient.CLUSTER, CLUSTER_TOKEN, "Content-Type", "application/json");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode data = json(created).get("data");
    assertThat(data.get("node_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(data.get("node_token").asText()).hasSize(48).matches("[A-Za-z0-9_-]+");
    assertThat(data.get("cluster_token").asText()).isEqualTo(CLUSTER_TOKEN);
    assertThat(data.get("created_at").asText()).endsWith("Z");
    assertThat(client.asNode(data.get("node_token").asText(), "GET", "/api/v1/config/version", null).statusCode())
        .as("the new node's token works").isEqualTo(200);
    assertThat(summaryOf(data.get("node_id").asText()).get("mtu").asInt()).isEqualTo(1400);
  }

  @Test
  void nodeListIsPaged() {
    for (int i = 0; i < 3; i++) {
      client.createNode("paged-" + i);
    }
    JsonNode all = json(client.asAdmin("GET", "/api/v1/nodes", null)).get("data");
    assertThat(all.get("cluster_id").asText()).isNotEmpty();
    assertThat(all.get("page").asInt()).isEqualTo(1);
    assertThat(all.get("per_page").asInt()).isEqualTo(50);
    int total = all.get("total").asInt();
    assertThat(total).isGreaterThanOrEqualTo(4);
    assertThat(all.get("nodes").get(0).get("name").asText()).as("oldest first: the seeded admin").isEqualTo("admin");
    assertThat(all.get("nodes").get(0).get("is_admin").asBoolean()).isTrue();

    JsonNode second = json(client.asAdmin("GET", "/api/v1/nodes?page=2&page_size=2", null)).get("data");
    assertThat(second.get("page").asInt()).isEqualTo(2);
    assertThat(second.get("per_page").asInt()).isEqualTo(2);
    assertThat(second.get("total").asInt()).isEqualTo(total);
    assertThat(second.get("nodes")).hasSize(2);
    assertThat(second.get("nodes").get(0).get("node_id")).isEqualTo(all.get("nodes").get(2).get("node_id"));
  }

  @Test
  void mtuChangeAnswersTheNode() {
    String id = client.createNode("mtu-node").get("node_id").asText();

    HttpResponse<byte[]> changed = client.asAdmin("PATCH", "/api/v1/nodes/" + id + "/mtu", "{\"mtu\":9000}");

    assertThat(changed.statusCode()).isEqualTo(200);
    JsonNode data = json(changed).get("data");
    assertThat(data.get("node_id").asText()).isEqualTo(id);
    assertThat(data.get("mtu").asInt()).isEqualTo(9000);
    assertThat(summaryOf(id).get("mtu").asInt()).isEqualTo(9000);
  }

  @Test
  void deletedNodeIsGoneAndItsTokenFails() {
    JsonNode node = client.createNode("doomed");
    String id = node.get("node_id").asText();

    HttpResponse<byte[]> deleted = client.asAdmin("DELETE", "/api/v1/nodes/" + id, null);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(summaryOf(id)).isNull();
    assertThat(client.asNode(node.get("node_token").asText(), "GET", "/api/v1/config/version", null).statusCode()).isEqualTo(401);
    assertThat(client.asAdmin("DELETE", "/api/v1/nodes/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void rotatedNodeTokenReplacesTheOldOne() {
    JsonNode node = client.createNode("rotating");
    String oldToken = node.get("node_token").asText();

    HttpResponse<byte[]> rotated = client.asAdmin("POST", "/api/v1/nodes/" + node.get("node_id").asText() + "/token", null);

    assertThat(rotated.statusCode()).isEqualTo(200);
    JsonNode data = json(rotated).get("data");
    assertThat(data.get("node_id").asText()).isEqualTo(node.get("node_id").asText());
    assertThat(data.get("rotated_at").asText()).isNotEmpty();
    String newToken = data.get("node_token").asText();
    assertThat(newToken).hasSize(48).isNotEqualTo(oldToken);
    assertThat(client.asNode(oldToken, "GET", "/api/v1/config/version", null).statusCode()).isEqualTo(401);
    assertThat(client.asNode(newToken, "GET", "/api/v1/config/version", null).statusCode()).isEqualTo(200);
  }

  @Test
  void adminRoutesRefuseAnOrdinaryNode() {
    String token = client.createNode("ordinary").get("node_token").asText();

    HttpResponse<byte[]> listed = client.asNode(token, "GET", "/api/v1/nodes", null);

    assertThat(listed.statusCode()).isEqualTo(403);
    assertThat(json(listed).get("error").asText()).isEqualTo("forbidden");
    assertThat(client.asNode(token, "POST", "/api/v1/nodes", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(client.send("POST", "/api/v1/config/bundle", NebulaTestClient.validBundle(),
        NebulaTestClient.NODE, token, "Content-Type", "application/gzip").statusCode()).isEqualTo(403);
  }

  @Test
  void everyProtectedRouteAnswers401WithoutOrWithABadToken() {
    String unknown = "x".repeat(48);
    String[][] routes = {
        {"GET", "/api/v1/config/version", NebulaTestClient.NODE},
        {"GET", "/api/v1/config/bundle", NebulaTestClient.NODE},
        {"POST", "/api/v1/config/bundle", NebulaTestClient.NODE},
        {"GET", "/api/v1/nodes", NebulaTestClient.NODE},
        {"POST", "/api/v1/nodes", NebulaTestClient.NODE},
        {"PATCH", "/api/v1/nodes/some-id/mtu", NebulaTestClient.NODE},
        {"POST", "/api/v1/nodes/some-id/token", NebulaTestClient.NODE},
        {"DELETE", "/api/v1/nodes/some-id", NebulaTestClient.NODE},
        {"GET", "/api/v1/routes", NebulaTestClient.NODE},
        {"PUT", "/api/v1/routes", NebulaTestClient.NODE},
        {"GET", "/api/v1/routes/cluster", NebulaTestClient.NODE},
        {"GET", "/api/v1/topology", NebulaTestClient.CLUSTER},
        {"POST", "/api/v1/topology/lighthouse", NebulaTestClient.CLUSTER},
        {"DELETE", "/api/v1/topology/lighthouse/some-id", NebulaTestClient.CLUSTER},
        {"POST", "/api/v1/topology/relay", NebulaTestClient.CLUSTER},
        {"DELETE", "/api/v1/topology/relay/some-id", NebulaTestClient.CLUSTER},
        {"POST", "/api/v1/tokens/cluster/rotate", NebulaTestClient.CLUSTER},
    };
    for (String[] route : routes) {
      String[][] attempts = {{}, {route[2], unknown}, {route[2], "short"},
          // the other kind of token, in the other header
          {route[2].equals(NebulaTestClient.NODE) ? NebulaTestClient.CLUSTER : NebulaTestClient.NODE,
              route[2].equals(NebulaTestClient.NODE) ? CLUSTER_TOKEN : ADMIN_TOKEN}};
      for (String[] headers : attempts) {
        HttpResponse<byte[]> answer = client.send(route[0], route[1], null, headers);
        assertThat(answer.statusCode()).as("%s %s with %s", route[0], route[1], String.join(" ", headers)).isEqualTo(401);
        JsonNode error = json(answer);
        assertThat(error.get("error").asText()).isEqualTo("unauthorized");
        assertThat(error.get("message").asText()).isEqualTo("Authentication failed");
        assertThat(error.get("request_id").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void bundleUploadBecomesTheNextVersionAndDownloadsWithItsETag() {
    byte[] bundle = NebulaTestClient.validBundle();
    long before = version();

    HttpResponse<byte[]> uploaded = client.uploadBundle(bundle);

    assertThat(uploaded.statusCode()).isEqualTo(200);
    JsonNode data = json(uploaded).get("data");
    long version = data.get("version").asLong();
    assertThat(version).isEqualTo(before + 1).isEqualTo(version());
    assertThat(data.get("message").asText()).isEqualTo("Bundle uploaded successfully");

    HttpResponse<byte[]> downloaded = client.asAdmin("GET", "/api/v1/config/bundle", null);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).isEqualTo(bundle);
    assertThat(downloaded.headers().firstValue("Content-Type")).hasValue("application/gzip");
    assertThat(downloaded.headers().firstValue("ETag")).hasValue("\"v" + version + "\"");
    assertThat(downloaded.headers().firstValue("X-Config-Version")).hasValue(Long.toString(version));
  }

  @Test
  void bundleDownloadAnswers304WhenTheClientIsCurrent() {
    client.uploadBundle(NebulaTestClient.validBundle());
    long version = version();

    HttpResponse<byte[]> byETag = client.get("/api/v1/config/bundle", NebulaTestClient.NODE, ADMIN_TOKEN, "If-None-Match", "\"v" + version + "\"");
    HttpResponse<byte[]> byParameter = client.asAdmin("GET", "/api/v1/config/bundle?current_version=" + version, null);
    HttpResponse<byte[]> behind = client.asAdmin("GET", "/api/v1/config/bundle?current_version=" + (version - 1), null);

    assertThat(byETag.statusCode()).isEqualTo(304);
    assertThat(byETag.headers().firstValue("ETag")).hasValue("\"v" + version + "\"");
    assertThat(byETag.body()).isEmpty();
    assertThat(byParameter.statusCode()).isEqualTo(304);
    assertThat(behind.statusCode()).isEqualTo(200);
  }

  @Test
  void bundleDownloadSendsTheBundleAgainAfterAnyOtherChange() {
    client.uploadBundle(NebulaTestClient.validBundle());
    long bundleVersion = version();
    client.createNode("after-the-bundle");

    HttpResponse<byte[]> download = client.asAdmin("GET", "/api/v1/config/bundle?current_version=" + bundleVersion, null);

    assertThat(download.statusCode()).as("the real server compares with the cluster's version, not the bundle's").isEqualTo(200);
    assertThat(download.headers().firstValue("ETag")).hasValue("\"v" + bundleVersion + "\"");
  }

  @Test
  void nodeAdvertisesRoutesSeenByTheClusterAndTheTopology() {
    JsonNode node = client.createNode("router");
    String token = node.get("node_token").asText();
    String id = node.get("node_id").asText();

    HttpResponse<byte[]> put = client.asNode(token, "PUT", "/api/v1/routes", "{\"routes\":[\"10.0.1.0/24\",\"fd00::/64\"]}");

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(json(put).get("message").asText()).isEqualTo("Routes updated successfully");
    assertThat(json(client.asNode(token, "GET", "/api/v1/routes", null)).at("/data/routes").toString())
        .isEqualTo("[\"10.0.1.0/24\",\"fd00::/64\"]");
    assertThat(json(client.asAdmin("GET", "/api/v1/routes/cluster", null)).at("/data/routes/" + id).toString())
        .isEqualTo("[\"10.0.1.0/24\",\"fd00::/64\"]");
    assertThat(topology().at("/routes/" + id)).hasSize(2);
    assertThat(summaryOf(id).get("routes")).hasSize(2);

    assertThat(client.asNode(token, "PUT", "/api/v1/routes", "{\"routes\":[]}").statusCode()).isEqualTo(200);
    assertThat(json(client.asNode(token, "GET", "/api/v1/routes", null)).at("/data/routes")).isEmpty();
    assertThat(json(client.asAdmin("GET", "/api/v1/routes/cluster", null)).at("/data/routes").has(id)).isFalse();
  }

  @Test
  void lighthousesAndRelaysAreAssignedAndRemoved() {
    String id = client.createNode("beacon").get("node_id").asText();
    long before = version();

    HttpResponse<byte[]> lighthouse = client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/lighthouse",
        "{\"node_id\":\"" + id + "\",\"public_ip\":\"203.0.113.1\",\"port\":4242}");
    HttpResponse<byte[]> relay = client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/relay", "{\"node_id\":\"" + id + "\"}");

    assertThat(lighthouse.statusCode()).isEqualTo(200);
    assertThat(json(lighthouse).get("message").asText()).isEqualTo("Lighthouse status assigned");
    assertThat(relay.statusCode()).isEqualTo(200);
    assertThat(json(relay).get("message").asText()).isEqualTo("Relay status assigned");
    assertThat(version()).isEqualTo(before + 2);
    JsonNode topology = topology();
    assertThat(topology.fieldNames()).toIterable().as("the real server's body").containsExactly("lighthouses", "relays", "routes");
    assertThat(findById(topology.get("lighthouses"), id).toString())
        .isEqualTo("{\"node_id\":\"" + id + "\",\"name\":\"beacon\",\"public_ip\":\"203.0.113.1\",\"port\":4242}");
    assertThat(findById(topology.get("relays"), id).toString()).isEqualTo("{\"node_id\":\"" + id + "\",\"name\":\"beacon\"}");
    assertThat(summaryOf(id).get("is_lighthouse").asBoolean()).isTrue();

    HttpResponse<byte[]> noLighthouse = client.asCluster(CLUSTER_TOKEN, "DELETE", "/api/v1/topology/lighthouse/" + id, null);
    HttpResponse<byte[]> noRelay = client.asCluster(CLUSTER_TOKEN, "DELETE", "/api/v1/topology/relay/" + id, null);

    assertThat(json(noLighthouse).get("message").asText()).isEqualTo("Lighthouse status removed");
    assertThat(json(noRelay).get("message").asText()).isEqualTo("Relay status removed");
    assertThat(findById(topology().get("lighthouses"), id)).isNull();
    assertThat(findById(topology().get("relays"), id)).isNull();
  }

  @Test
  void rotatedClusterTokenReplacesTheOldOne() {
    try (NebulaStandIn own = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options())) {
      NebulaTestClient ownClient = new NebulaTestClient(own.baseUrl());

      HttpResponse<byte[]> rotated = ownClient.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/tokens/cluster/rotate", null);

      assertThat(rotated.statusCode()).isEqualTo(200);
      JsonNode data = json(rotated).get("data");
      assertThat(data.get("message").asText()).isEqualTo("Cluster token rotated successfully");
      String newToken = data.get("token").asText();
      assertThat(newToken.length()).isGreaterThanOrEqualTo(41);
      assertThat(ownClient.asCluster(CLUSTER_TOKEN, "GET", "/api/v1/topology", null).statusCode()).isEqualTo(401);
      assertThat(ownClient.asCluster(newToken, "GET", "/api/v1/topology", null).statusCode()).isEqualTo(200);
      assertThat(ownClient.asAdmin("GET", "/api/v1/config/version", null).statusCode()).as("node tokens stay").isEqualTo(200);
    }
  }

  @Test
  void databaseIsInWalModeAndKeepsItsNodesAcrossARestart(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("nebula.db");
    JsonNode node;
    try (NebulaStandIn first = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options().withDatabase(file))) {
      node = new NebulaTestClient(first.baseUrl()).createNode("survivor");
      assertThat(first.databaseFile()).isEqualTo(file);
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
          ResultSet mode = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
        assertThat(mode.next()).isTrue();
        assertThat(mode.getString(1)).isEqualTo("wal");
      }
    }

    try (NebulaStandIn second = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options().withDatabase(file))) {
      NebulaTestClient secondClient = new NebulaTestClient(second.baseUrl());
      JsonNode nodes = json(secondClient.asAdmin("GET", "/api/v1/nodes", null)).at("/data/nodes");
      assertThat(names(nodes)).as("the node is kept and the seed is not repeated").containsExactly("admin", "survivor");
      assertThat(secondClient.asNode(node.get("node_token").asText(), "GET", "/api/v1/config/version", null).statusCode())
          .isEqualTo(200);
    }
    assertThat(file).as("a given database file stays").exists();
  }

  @Test
  void extraNodesAreSeededForVolume() {
    try (NebulaStandIn seeded = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options().withSeedNodes(1200))) {
      JsonNode data = json(new NebulaTestClient(seeded.baseUrl()).asAdmin("GET", "/api/v1/nodes?page_size=1000", null)).get("data");

      assertThat(data.get("total").asInt()).isEqualTo(1201);
      assertThat(data.get("per_page").asInt()).as("the real server's largest page").isEqualTo(500);
      assertThat(data.get("nodes")).hasSize(500);
    }
  }

  private static long version() {
    HttpResponse<byte[]> answer = client.asAdmin("GET", "/api/v1/config/version", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    return json(answer).at("/data/version").asLong();
  }

  private static JsonNode topology() {
    HttpResponse<byte[]> answer = client.asCluster(CLUSTER_TOKEN, "GET", "/api/v1/topology", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    return json(answer).get("data");
  }

  /** The node's entry in the admin's list (page size 500 holds every node these tests make), or null. */
  private static JsonNode summaryOf(String nodeId) {
    return findById(json(client.asAdmin("GET", "/api/v1/nodes?page_size=500", null)).at("/data/nodes"), nodeId);
  }

  private static JsonNode findById(JsonNode entries, String nodeId) {
    for (JsonNode entry : entries) {
      if (entry.get("node_id").asText().equals(nodeId)) {
        return entry;
      }
    }
    return null;
  }

  private static List<String> names(JsonNode nodes) {
    List<String> names = new ArrayList<>();
    nodes.forEach(node -> names.add(node.get("name").asText()));
    return names;
  }
}
