package loadsuite.nebulagc.standin;

import static loadsuite.nebulagc.standin.NebulaTestClient.ADMIN_TOKEN;
import static loadsuite.nebulagc.standin.NebulaTestClient.CLUSTER_TOKEN;
import static loadsuite.nebulagc.standin.NebulaTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets the API's JSON error and a 4xx, never a 500, and leaves the stand-in answering. */
class NebulaBadInputTest {
  private static NebulaStandIn standIn;
  private static NebulaTestClient client;
  private static String nodeId;

  @BeforeAll
  static void start() {
    standIn = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options());
    client = new NebulaTestClient(standIn.baseUrl());
    nodeId = client.createNode("target").get("node_id").asText();
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @AfterEach
  void theStandInStillAnswers() {
    assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void nameOfNoCharacters() {
    assertError(createNode("{\"name\":\"\"}"), 400, "invalid_request");
    assertError(createNode("{\"name\":\"   \"}"), 400, "invalid_request");
    assertError(createNode("{\"mtu\":1400}"), 400, "invalid_request");
  }

  @Test
  void nameOf256Characters() {
    assertError(createNode("{\"name\":\"" + "n".repeat(256) + "\"}"), 400, "invalid_request");
    assertError(createNode("{\"name\":\"" + "é".repeat(128) + "\"}"), 400, "invalid_request");
    assertThat(createNode("{\"name\":\"" + "n".repeat(255) + "\"}").statusCode()).as("255 is the longest").isEqualTo(201);
  }

  @Test
  void fieldsOfTheWrongType() {
    assertError(createNode("{\"name\":5}"), 400, "invalid_request");
    assertError(createNode("{\"name\":\"typed\",\"is_admin\":\"yes\"}"), 400, "invalid_request");
    assertError(createNode("{\"name\":\"typed\",\"mtu\":\"1400\"}"), 400, "invalid_request");
    assertError(createNode("{\"name\":\"typed\",\"mtu\":1400.5}"), 400, "invalid_request");
  }

  @Test
  void mtuOf1279() {
    assertError(createNode("{\"name\":\"small-mtu\",\"mtu\":1279}"), 400, "invalid_request");
    assertError(client.asAdmin("PATCH", "/api/v1/nodes/" + nodeId + "/mtu", "{\"mtu\":1279}"), 400, "invalid_request");
  }

  @Test
  void mtuOf9001() {
    assertError(createNode("{\"name\":\"big-mtu\",\"mtu\":9001}"), 400, "invalid_request");
    assertError(client.asAdmin("PATCH", "/api/v1/nodes/" + nodeId + "/mtu", "{\"mtu\":9001}"), 400, "invalid_request");
    assertError(client.asAdmin("PATCH", "/api/v1/nodes/" + nodeId + "/mtu", "{}"), 400, "invalid_request");
  }

  @Test
  void pageZero() {
    assertError(client.asAdmin("GET", "/api/v1/nodes?page=0", null), 400, "invalid_request");
    assertError(client.asAdmin("GET", "/api/v1/nodes?page=-1", null), 400, "invalid_request");
    assertError(client.asAdmin("GET", "/api/v1/nodes?page=first", null), 400, "invalid_request");
    assertError(client.asAdmin("GET", "/api/v1/nodes?page_size=0", null), 400, "invalid_request");
  }

  @Test
  void unknownNode() {
    String unknown = "00000000-0000-0000-0000-000000000000";
    assertError(client.asAdmin("PATCH", "/api/v1/nodes/" + unknown + "/mtu", "{\"mtu\":1400}"), 404, "not_found");
    assertError(client.asAdmin("POST", "/api/v1/nodes/" + unknown + "/token", null), 404, "not_found");
    assertError(client.asAdmin("DELETE", "/api/v1/nodes/" + unknown, null), 404, "not_found");
    assertError(client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/lighthouse",
        "{\"node_id\":\"" + unknown + "\",\"public_ip\":\"203.0.113.1\"}"), 404, "not_found");
    assertError(client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/relay", "{\"node_id\":\"" + unknown + "\"}"), 404, "not_found");
    assertError(client.asCluster(CLUSTER_TOKEN, "DELETE", "/api/v1/topology/lighthouse/" + unknown, null), 404, "not_found");
    assertError(client.asCluster(CLUSTER_TOKEN, "DELETE", "/api/v1/topology/relay/not-even-a-uuid", null), 404, "not_found");
  }

  @Test
  void bodyThatIsNotJson() {
    for (String body : new String[] {"not json {", "[1, 2]", "", "\"text\""}) {
      assertError(createNode(body), 400, "invalid_request");
      assertError(client.asAdmin("PATCH", "/api/v1/nodes/" + nodeId + "/mtu", body), 400, "invalid_request");
      assertError(client.asAdmin("PUT", "/api/v1/routes", body), 400, "invalid_request");
      assertError(client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/lighthouse", body), 400, "invalid_request");
      assertError(client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/relay", body), 400, "invalid_request");
    }
  }

  @Test
  void nameThatIsTaken() {
    assertError(createNode("{\"name\":\"target\"}"), 409, "conflict");
  }

  @Test
  void routesThatAreNotCidrBlocks() {
    for (String routes : new String[] {"[\"10.0.1.0\"]", "[\"10.0.1.0/33\"]", "[\"300.0.1.0/24\"]", "[\"fd00::/129\"]",
        "[\"example.com/24\"]", "[5]", "\"10.0.1.0/24\""}) {
      assertError(client.asAdmin("PUT", "/api/v1/routes", "{\"routes\":" + routes + "}"), 400, "invalid_request");
    }
  }

  @Test
  void lighthouseWithoutAValidAddress() {
    String[] bodies = {"{\"public_ip\":\"203.0.113.1\"}", "{\"node_id\":\"" + nodeId + "\"}",
        "{\"node_id\":\"" + nodeId + "\",\"public_ip\":\"203.0.113.256\"}",
        "{\"node_id\":\"" + nodeId + "\",\"public_ip\":\"localhost\"}",
        "{\"node_id\":\"" + nodeId + "\",\"public_ip\":\"203.0.113.1\",\"port\":\"4242\"}"};
    for (String body : bodies) {
      assertError(client.asCluster(CLUSTER_TOKEN, "POST", "/api/v1/topology/lighthouse", body), 400, "invalid_request");
    }
  }

  @Test
  void bundleLargerThan10MiBByItsLength() throws Exception {
    String answer = client.sendRaw("127.0.0.1", "POST /api/v1/config/bundle HTTP/1.1\r\nHost: nebula\r\n"
        + "X-NebulaGC-Node-Token: " + ADMIN_TOKEN + "\r\nContent-Type: application/gzip\r\n"
        + "Content-Length: " + ((10 << 20) + 1) + "\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("\"error\":\"bundle_too_large\"").contains("Bundle exceeds 10 MiB size limit");
  }

  @Test
  void bundleLargerThanTheLimitSentWithoutALength() throws Exception {
    try (NebulaStandIn small = NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options().withMaxBundleBytes(1000))) {
      HttpRequest upload = HttpRequest.newBuilder(URI.create(small.baseUrl() + "/api/v1/config/bundle"))
          .header(NebulaTestClient.NODE, ADMIN_TOKEN).header("Content-Type", "application/gzip")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2000])))
          .build();

      HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofByteArray());

      assertError(answer, 413, "bundle_too_large");
      assertThat(new NebulaTestClient(small.baseUrl()).get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void bundleThatIsNotGzip() {
    assertError(client.uploadBundle("config.yml: plain text".getBytes(StandardCharsets.UTF_8)), 400, "invalid_format");
    assertError(client.uploadBundle(new byte[0]), 400, "invalid_format");
  }

  @Test
  void gzipThatIsNotATarArchive() {
    assertError(client.uploadBundle(NebulaTestClient.gzip("not a tar archive".getBytes(StandardCharsets.UTF_8))), 400, "invalid_format");
    assertError(client.uploadBundle(NebulaTestClient.gzip(new byte[1024])), 400, "invalid_format");
  }

  @Test
  void bundleThatWouldExpandWithoutEnd() {
    byte[] hugeEntry = NebulaTestClient.gzip(NebulaTestClient.tarHeader("config.yml", 1L << 40));

    HttpResponse<byte[]> answer = client.uploadBundle(hugeEntry);

    assertError(answer, 400, "invalid_format");
    assertThat(json(answer).get("message").asText()).contains("expands beyond");
  }

  @Test
  void bundleWithoutARequiredFile() {
    HttpResponse<byte[]> answer = client.uploadBundle(NebulaTestClient.tarGz(
        Map.of("config.yml", "pki: {}\n", "ca.crt", "ca", "crl.pem", "crl", "host.crt", "cert")));

    assertError(answer, 400, "missing_required_file");
    assertThat(json(answer).get("message").asText()).contains("host.key");
  }

  @Test
  void bundleOfAnotherContentType() {
    HttpResponse<byte[]> answer = client.send("POST", "/api/v1/config/bundle", NebulaTestClient.validBundle(),
        NebulaTestClient.NODE, ADMIN_TOKEN, "Content-Type", "application/octet-stream");

    assertError(answer, 400, "invalid_content_type");
  }

  @Test
  void currentVersionThatIsNotANumber() {
    assertError(client.asAdmin("GET", "/api/v1/config/bundle?current_version=latest", null), 400, "invalid_version");
  }

  @Test
  void routeThatDoesNotExist() {
    assertError(client.get("/api/v2/nodes"), 404, "not_found");
    assertError(client.asAdmin("PUT", "/api/v1/nodes", "{}"), 404, "not_found");
  }

  private static HttpResponse<byte[]> createNode(String body) {
    return client.asAdmin("POST", "/api/v1/nodes", body);
  }

  private static void assertError(HttpResponse<byte[]> answer, int status, String error) {
    assertThat(answer.statusCode()).as(NebulaTestClient.text(answer)).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json(answer);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("message").asText()).isNotEmpty();
    assertThat(body.get("request_id").asText()).isNotEmpty();
  }
}
