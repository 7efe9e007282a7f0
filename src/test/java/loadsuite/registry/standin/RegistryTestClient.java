package loadsuite.registry.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import loadsuite.oci.Blob;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciImage;

/**
 * The tests' client of the stand-in: the suite's {@link OciClient} (the requests real clients send),
 * wrapped with the assertions a protocol test makes, plus what only a test needs (raw sends, a
 * request whose body never comes, streamed bodies).
 */
final class RegistryTestClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OciClient oci;
  private final String baseUrl;

  RegistryTestClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.oci = new OciClient(baseUrl);
  }

  /** {@code method} on {@code pathOrUrl} (a path is resolved against the stand-in), headers as name, value pairs. */
  HttpResponse<byte[]> send(String method, String pathOrUrl, BodyPublisher body, String... headers) {
    return oci.send(method, pathOrUrl, body, headers);
  }

  /**
   * Sends only the head of a request (its {@code headers}: name, value, …) that declares a body of
   * {@code contentLength} bytes, and gives the status line and body of the answer, read until the
   * server closes. HttpClient cannot do this: with expect-continue, JDK 17's client blocks when the answer is not 100 (JDK-8286171).
   */
  String[] sendHeadOnly(String method, String path, long contentLength, String... headers) throws IOException {
    URI uri = URI.create(baseUrl);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority()
        + "\r\nContent-Length: " + contentLength + "\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
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
   * Pushes a blob into a repository that lacks it, as go-containerregistry does: HEAD (404) → POST
   * → PATCH of the whole blob without Content-Range → PUT on the latest Location with the digest.
   */
  String pushBlob(String repository, byte[] content) {
    Blob blob = Blob.of(content);
    assertThat(oci.hasBlob(repository, blob.digest())).as("HEAD of %s before its push", blob.digest()).isFalse();
    assertThat(oci.uploadBlob(repository, blob)).isEqualTo(blob.digest());
    return blob.digest();
  }

  /** Pushes an OCI image of these layers as {@code tag}; its manifest's digest. */
  String pushImage(String repository, String tag, byte[]... layers) {
    OciImage image = image(layers);
    oci.pushImage(repository, tag, image);
    return image.manifest().digest();
  }

  /** Pushes the blobs of an image of these layers and gives its OCI manifest, not pushed. */
  byte[] imageManifest(String repository, byte[]... layers) {
    OciImage image = image(layers);
    for (Blob blob : image.blobs()) {
      if (!oci.hasBlob(repository, blob.digest())) {
        oci.uploadBlob(repository, blob);
      }
    }
    return image.manifest().content();
  }

  private static OciImage image(byte[]... layers) {
    return OciImage.of(Arrays.stream(layers).map(Blob::of).toList());
  }

  static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    return Map.of("mediaType", mediaType, "digest", digest, "size", size);
  }

  static String location(HttpResponse<?> response) {
    return OciClient.location(response);
  }

  static String sha256(byte[] content) {
    return Blob.sha256(content);
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
