package loadsuite.packs.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;

/** The tests' HTTP client of a packs stand-in; every request gives up after 30 s rather than hang. */
final class PacksTestClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  PacksTestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
  }

  /** {@code POST /marketplace/search?parameters}. */
  HttpResponse<byte[]> search(String parameters) {
    return send("POST", "/marketplace/search" + (parameters.isEmpty() ? "" : "?" + parameters),
        HttpRequest.BodyPublishers.noBody());
  }

  /** {@code path} (absolute, or relative to the stand-in) with {@code headers} as name, value, name, value… */
  HttpResponse<byte[]> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + new String(response.body()), e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(PackContent.sha256Digest().digest(bytes));
  }
}
