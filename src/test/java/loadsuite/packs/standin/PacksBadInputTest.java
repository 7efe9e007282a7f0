package loadsuite.packs.standin;

import static loadsuite.packs.standin.PacksTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets a 4xx and the API's error body, and leaves the stand-in answering. */
class PacksBadInputTest {
  private static PacksStandIn standIn;
  private static PacksTestClient client;
  private static JsonNode somePack;

  @BeforeAll
  static void start() {
    standIn = PacksStandIn.start("127.0.0.1", 0, PacksStandInTest.OPTIONS);
    client = new PacksTestClient(standIn.baseUrl());
    somePack = json(client.get("/index.json")).get("packs").elements().next();
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @AfterEach
  void theStandInStillAnswers() {
    assertThat(client.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void limitZero() {
    assertError(client.search("limit=0"), 400, "bad_request", "limit");
  }

  @Test
  void limitOverOneHundred() {
    assertError(client.search("limit=101"), 400, "bad_request", "limit");
    assertThat(client.search("limit=100").statusCode()).isEqualTo(200);
  }

  @Test
  void limitNotANumber() {
    assertError(client.search("limit=ten"), 400, "bad_request", "limit");
    assertError(client.search("limit="), 400, "bad_request", "limit");
    assertError(client.search("limit=99999999999"), 400, "bad_request", "limit");
  }

  @Test
  void negativeOffset() {
    assertError(client.search("offset=-1"), 400, "bad_request", "offset");
  }

  @Test
  void offsetNotANumber() {
    assertError(client.search("offset=1.5"), 400, "bad_request", "offset");
  }

  @Test
  void unknownSortBy() {
    assertError(client.search("sort_by=popularity"), 400, "bad_request", "sort_by");
  }

  @Test
  void unknownCategory() {
    assertError(client.search("category=cobol"), 400, "bad_request", "category");
  }

  @Test
  void queryTooLong() {
    assertError(client.search("query=" + "a".repeat(257)), 400, "bad_request", "query");
    assertThat(client.search("query=" + "a".repeat(256)).statusCode()).isEqualTo(200);
  }

  @Test
  void fullTextSyntaxInTheQueryIsTakenAsText() {
    for (String query : List.of("\"", "\"unterminated", "rust AND (", "NEAR(a b", "*", "-rust", "title:rust",
        "rust OR", "'; DROP TABLE packs; --", "^api", "a\"b\"c", "(((", "{name}: x", "\u00e9t\u00e9 \u2603")) {
      HttpResponse<byte[]> response = client.search("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

      assertThat(response.statusCode()).as(query).isEqualTo(200);
      assertThat(json(response).get("data").isArray()).as(query).isTrue();
    }
    // the words of such a query still count: "-rust" finds what "rust" finds
    assertThat(json(client.search("query=-rust")).get("total"))
        .isEqualTo(json(client.search("query=rust")).get("total"));
    assertThat(json(client.search("query=rust")).get("total").asInt()).isPositive();
  }

  @Test
  void unknownPack() {
    assertError(client.get("/marketplace/packages/io.ggen.no.such-pack"), 404, "not_found", "io.ggen.no.such-pack");
    assertError(client.get("/marketplace/packages/io.ggen.no.such-pack/1.0.0/download"), 404, "not_found",
        "io.ggen.no.such-pack");
  }

  @Test
  void unknownVersion() {
    String id = somePack.get("id").asText();

    assertError(client.get("/marketplace/packages/" + id + "/9.9.9/download"), 404, "not_found", "9.9.9");
  }

  @Test
  void methodTheRouteDoesNotTake() {
    HttpResponse<byte[]> searchByGet = client.get("/marketplace/search");
    assertError(searchByGet, 405, "method_not_allowed", "POST");
    assertThat(searchByGet.headers().firstValue("allow")).hasValue("POST");

    HttpResponse<byte[]> postToIndex = client.send("POST", "/index.json", HttpRequest.BodyPublishers.noBody());
    assertError(postToIndex, 405, "method_not_allowed", "GET");
    assertThat(postToIndex.headers().firstValue("allow")).hasValue("GET");
    assertError(client.send("DELETE", "/marketplace/packages/" + somePack.get("id").asText(),
        HttpRequest.BodyPublishers.noBody()), 405, "method_not_allowed", "GET");
  }

  @Test
  void aBodyTheRouteDoesNotTake() {
    assertError(client.send("POST", "/marketplace/search?query=rust",
        HttpRequest.BodyPublishers.ofString("{\"query\": \"rust\"}"), "Content-Type", "application/json"),
        400, "bad_request", "body");
  }

  @Test
  void unknownRoute() {
    for (String path : List.of("/", "/nothing", "/marketplace", "/marketplace/packages",
        "/marketplace/packages/" + somePack.get("id").asText() + "/1.0.0", "/index.json/more", "/health/")) {
      assertError(client.get(path), 404, "not_found", path);
    }
  }

  private static void assertError(HttpResponse<byte[]> response, int status, String error, String messagePart) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("message").asText()).contains(messagePart);
  }
}
