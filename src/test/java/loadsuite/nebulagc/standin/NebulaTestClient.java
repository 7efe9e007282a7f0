package loadsuite.nebulagc.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** The tests' client of the stand-in: {@link HttpClient} on loopback, the seeded tokens, and test bundles. */
final class NebulaTestClient {
  static final String ADMIN_TOKEN = "admin-token-" + "a".repeat(40);
  static final String CLUSTER_TOKEN = "cluster-token-" + "c".repeat(40);
  static final String NODE = "X-NebulaGC-Node-Token";
  static final String CLUSTER = "X-NebulaGC-Cluster-Token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  NebulaTestClient(String baseUrl) {
    base = URI.create(baseUrl);
  }

  /** The options of the tests' stand-ins: the seeded tokens, a temporary database, no rate limits. */
  static NebulaStandIn.Options options() {
    return NebulaStandIn.Options.defaults(ADMIN_TOKEN, CLUSTER_TOKEN).withRateLimits(RateLimits.OFF);
  }

  /** {@code method} on {@code path} with a body (null for none) and headers as name, value pairs. */
  HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  /** {@code method} on {@code path} with a JSON body (null for none) and a node token. */
  HttpResponse<byte[]> asNode(String token, String method, String path, String json) {
    return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), NODE, token, "Content-Type", "application/json");
  }

  HttpResponse<byte[]> asAdmin(String method, String path, String json) {
    return asNode(ADMIN_TOKEN, method, path, json);
  }

  HttpResponse<byte[]> asCluster(String token, String method, String path, String json) {
    return send(method, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8), CLUSTER, token, "Content-Type", "application/json");
  }

  /** Creates a node named {@code name} as the admin; its {@code data}: node_id, node_token, … */
  JsonNode createNode(String name) {
    HttpResponse<byte[]> created = asAdmin("POST", "/api/v1/nodes", "{\"name\":\"" + name + "\"}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("creating node " + name + " gave " + created.statusCode() + ": " + text(created));
    }
    return json(created).get("data");
  }

  HttpResponse<byte[]> uploadBundle(byte[] bundle) {
    return send("POST", "/api/v1/config/bundle", bundle, NODE, ADMIN_TOKEN, "Content-Type", "application/gzip");
  }

  /**
   * Sends {@code head} (a request without a body, or whose body is not sent) on a plain socket
   * bound to {@code localAddress}, and gives the answer as text, read until the server closes.
   * HttpClient can neither choose its source address nor stop before the body it declares.
   */
  String sendRaw(String localAddress, String head) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + text(response), e);
    }
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A bundle with the five files the server requires. */
  static byte[] validBundle() {
    return tarGz(Map.of("config.yml", "pki: {}\n", "ca.crt", "ca", "crl.pem", "crl", "host.crt", "cert", "host.key", "key"));
  }

  /** A gzip of a ustar archive of {@code files} (name → content). */
  static byte[] tarGz(Map<String, String> files) {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (Map.Entry<String, String> file : files.entrySet()) {
      byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
      tar.writeBytes(tarHeader(file.getKey(), content.length));
      tar.writeBytes(content);
      tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }
    tar.writeBytes(new byte[1024]);
    return gzip(tar.toByteArray());
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A ustar header of a regular file of {@code size} bytes. */
  static byte[] tarHeader(String name, long size) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", size));
    put(header, 136, String.format("%011o", 0));
    put(header, 148, "        ");
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum) + "\0 ");
    return header;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
