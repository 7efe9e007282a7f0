package loadsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tests' client of the stand-in: {@link HttpClient} on loopback, and the steps real clients take. */
final class RegistryClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  RegistryClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code method} on {@code pathOrUrl} (a path is resolved against the stand-in), headers as name, value pairs. */
  HttpResponse<byte[]> send(String method, String pathOrUrl, BodyPublisher body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl).resolve(pathOrUrl)).method(method, body);
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

  /**
   * Sends only the head of a request that declares a body of {@code contentLength} bytes, and
   * gives the status line and body of the answer, read until the server closes. HttpClient cannot
   * do this: with expect-continue, JDK 17's client blocks when the answer is not 100 (JDK-8286171).
   */
  String[] sendHeadOnly(String method, String path, long contentLength) throws IOException {
    URI uri = URI.create(baseUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority()
          + "\r\nContent-Length: " + contentLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new String[] {answer.substring(0, answer.indexOf("\r\n")), answer.substring(answer.indexOf("\r\n\r\n") + 4)};
    }
  }

  HttpResponse<byte[]> send(String method, String pathOrUrl, byte[] body, String... headers) {
    return send(method, pathOrUrl, BodyPublishers.ofByteArray(body), headers);
  }

  HttpResponse<byte[]> send(String method, String pathOrUrl, String... headers) {
    return send(method, pathOrUrl, BodyPublishers.noBody(), headers);
  }

  /** A body sent chunked, without a length, as a streaming client sends it. */
  static BodyPublisher streamed(byte[] content) {
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content));
  }

  /**
   * Pushes a blob as go-containerregistry does: HEAD (404) → POST → PATCH of the whole blob
   * without Content-Range → PUT on the latest Location with the digest added to its query.
   */
  String pushBlob(String repository, byte[] content) {
    String digest = sha256(content);
    assertThat(send("HEAD", "/v2/" + repository + "/blobs/" + digest).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> started = send("POST", "/v2/" + repository + "/blobs/uploads/");
    assertThat(started.statusCode()).isEqualTo(202);
    HttpResponse<byte[]> patched = send("PATCH", location(started), streamed(content),
        "Content-Type", "application/octet-stream");
    assertThat(patched.statusCode()).isEqualTo(202);
    HttpResponse<byte[]> put = send("PUT", RegistryRequests.withDigest(location(patched), digest));
    assertThat(put.statusCode()).as("PUT of %s", digest).isEqualTo(201);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    return digest;
  }

  /** Pushes a config blob and {@code layers} blobs, then an OCI image manifest of them as {@code tag}; its digest. */
  String pushImage(String repository, String tag, byte[]... layers) {
    byte[] manifest = imageManifest(repository, layers);
    HttpResponse<byte[]> put = send("PUT", "/v2/" + repository + "/manifests/" + tag, manifest,
        "Content-Type", ManifestRoutes.OCI_MANIFEST);
    assertThat(put.statusCode()).isEqualTo(201);
    return put.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  /** Pushes the blobs of an image and gives its OCI manifest, not pushed. */
  byte[] imageManifest(String repository, byte[]... layers) {
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"layers\":" + layers.length + "}")
        .getBytes(StandardCharsets.UTF_8);
    List<Map<String, Object>> layerDescriptors = new ArrayList<>();
    for (byte[] layer : layers) {
      layerDescriptors.add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", pushBlobIfMissing(repository, layer), layer.length));
    }
    return json(Map.of(
        "schemaVersion", 2,
        "mediaType", ManifestRoutes.OCI_MANIFEST,
        "config", descriptor("application/vnd.oci.image.config.v1+json", pushBlobIfMissing(repository, config), config.length),
        "layers", layerDescriptors));
  }

  static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    return Map.of("mediaType", mediaType, "digest", digest, "size", size);
  }

  private String pushBlobIfMissing(String repository, byte[] content) {
    String digest = sha256(content);
    return send("HEAD", "/v2/" + repository + "/blobs/" + digest).statusCode() == 200 ? digest : pushBlob(repository, content);
  }

  static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  static String sha256(byte[] content) {
    return Digest.of(Digest.SHA256, content).toString();
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The code of the first error of an error answer. */
  static String errorCode(HttpResponse<byte[]> response) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode error = json(response).path("errors").path(0);
    assertThat(error.has("message") && error.has("detail")).as("message and detail in %s", error).isTrue();
    return error.path("code").asText();
  }
}
