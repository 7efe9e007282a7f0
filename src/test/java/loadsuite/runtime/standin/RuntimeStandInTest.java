package loadsuite.runtime.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuntimeStandInTest {
  private static RuntimeStandIn standIn;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    standIn = RuntimeStandIn.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + path))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> response = get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"healthy\"").contains("\"timestamp\"");
  }

  @Test
  void seededUsersAreFound() throws Exception {
    HttpResponse<String> response = get("/users/42");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"id\":42").contains("\"email\":\"user42@example.com\"");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void unknownAndMalformedUserIds() throws Exception {
    assertThat(get("/users/999999").statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = get("/users/abc");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"error\":\"Bad Request\"");
  }

  @Test
  void createdUsersCanBeRead() throws Exception {
    HttpResponse<String> created = post("/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
    assertThat(get("/users/" + id).body()).contains("\"name\":\"Ada\"");
  }

  @Test
  void aBodyThatIsNotJsonOrLacksAFieldGets400WithAJsonError() throws Exception {
    for (String body : new String[] {"not json", "", "[1,2]", "{\"name\":\"Ada\"}", "{\"name\":1,\"email\":\"x\"}"}) {
      HttpResponse<String> response = post("/users", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).as(body).startsWith("{\"error\":\"Bad Request\",\"message\":");
    }
  }

  @Test
  void aBodyOverTheLimitGets413() throws Exception {
    HttpResponse<String> response = post("/users", "{\"name\":\"" + "x".repeat(2 << 20) + "\",\"email\":\"e\"}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(get("/simple").statusCode()).isEqualTo(200);
  }

  @Test
  void handlerKinds() throws Exception {
    assertThat(get("/simple").body()).isEqualTo("{\"message\":\"Hello, World!\"}");
    assertThat(get("/module?id=7").body()).contains("\"id\":7").contains("\"module\":\"db\"");
    assertThat(get("/module?id=x").statusCode()).isEqualTo(400);
    HttpRequest hooked = HttpRequest.newBuilder(URI.create(standIn.baseUrl() + "/hooks"))
        .header("x-trace-id", "t-1").header("x-tenant-id", "acme").build();
    HttpResponse<String> response = CLIENT.send(hooked, HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).contains("\"traceId\":\"t-1\"").contains("\"tenant\":\"acme\"");
    assertThat(response.headers().firstValue("x-trace-id")).hasValue("t-1");
    assertThat(response.headers().firstValue("x-response-time")).isPresent();
  }

  @Test
  void queuePublishesBatches() throws Exception {
    HttpResponse<String> batch = post("/queue/orders", "[{\"n\":1},{\"n\":2},{\"n\":3}]");
    assertThat(batch.statusCode()).isEqualTo(202);
    assertThat(batch.body()).contains("\"published\":3").contains("\"topic\":\"orders\"");
    assertThat(post("/queue/orders", "{\"n\":1}").body()).contains("\"published\":1");
    assertThat(post("/queue/orders", "nope").statusCode()).isEqualTo(400);
  }

  @Test
  void aBatchLargerThanTheQueueHoldsGets413() throws Exception {
    String message = "{\"n\":1}";
    HttpResponse<String> tooMany = post("/queue/orders", "[" + (message + ",").repeat(RuntimeStandIn.MAX_BATCH_MESSAGES) + message + "]");
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(tooMany.body()).contains("at most 10000 messages");
    HttpResponse<String> most = post("/queue/orders", "[" + (message + ",").repeat(RuntimeStandIn.MAX_BATCH_MESSAGES - 1) + message + "]");
    assertThat(most.statusCode()).isEqualTo(202);
    assertThat(most.body()).contains("\"published\":10000");
  }

  @Test
  void unknownRoutesAndMethodsGet404InTheRuntimesOwnForm() throws Exception {
    HttpResponse<String> response = get("/nowhere");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"error\":\"Not Found\",\"message\":\"Cannot GET /nowhere\"}");
    assertThat(post("/simple", "{}").body()).contains("Cannot POST /simple");
  }

  @Test
  void aHandlerThatOverrunsItsTimeoutGets408() throws Exception {
    assertThat(get("/delay/5").statusCode()).isEqualTo(200);
    HttpResponse<String> late = get("/delay/" + (RuntimeStandIn.HANDLER_TIMEOUT_MS + 2000));
    assertThat(late.statusCode()).isEqualTo(408);
    assertThat(late.body()).contains("\"error\":\"Request Timeout\"");
    assertThat(get("/delay/soon").statusCode()).isEqualTo(400);
  }

  @Test
  void aMalformedRequestGetsTheProtocols400AndTheServerGoesOn() throws Exception {
    URI uri = URI.create(standIn.baseUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /simple HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readStatusLine(socket.getInputStream())).startsWith("HTTP/1.1 400");
    }
    assertThat(get("/simple").statusCode()).isEqualTo(200);
  }

  private static String readStatusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return line.toString().trim();
  }
}
