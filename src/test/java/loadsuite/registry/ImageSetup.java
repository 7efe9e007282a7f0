package loadsuite.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import loadsuite.sut.SutUnavailableException;

/**
 * Pushes the image a pulling workload reads, once before the load, with the JDK's HttpClient
 * and the same request sequence as the load's pushes. A registry that does not take it stops
 * the run before any load.
 */
final class ImageSetup {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  private ImageSetup(String baseUrl) {
    base = URI.create(baseUrl);
  }

  static void push(String baseUrl, String repository, TestImage image) {
    new ImageSetup(baseUrl).pushImage(repository, image);
  }

  private void pushImage(String repository, TestImage image) {
    for (Blob blob : image.blobs()) {
      pushBlob(repository, blob);
    }
    HttpResponse<String> put = send("PUT", "/v2/" + repository + "/manifests/" + RegistryRequests.TAG,
        BodyPublishers.ofByteArray(image.manifest().content()), 201, "Content-Type", TestImage.MANIFEST_TYPE);
    expectDigest(put, image.manifest().digest());
  }

  private void pushBlob(String repository, Blob blob) {
    HttpResponse<String> started = send("POST", "/v2/" + repository + "/blobs/uploads/", BodyPublishers.noBody(), 202);
    HttpResponse<String> sent = send("PATCH", location(started), BodyPublishers.ofByteArray(blob.content()), 202,
        "Content-Type", "application/octet-stream");
    expectDigest(send("PUT", RegistryRequests.withDigest(location(sent), blob.digest()), BodyPublishers.noBody(), 201),
        blob.digest());
  }

  private HttpResponse<String> send(String method, String pathOrUrl, BodyPublisher body, int expected, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathOrUrl)).timeout(TIMEOUT).method(method, body);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw refused(method + " " + pathOrUrl + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw refused("interrupted");
    }
    if (response.statusCode() != expected) {
      throw refused(method + " " + pathOrUrl + " answered " + response.statusCode() + ", not " + expected + ": " + response.body());
    }
    return response;
  }

  private String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location")
        .orElseThrow(() -> refused(response.request().method() + " " + response.uri() + " answered without a Location"));
  }

  private void expectDigest(HttpResponse<String> response, String digest) {
    String answered = response.headers().firstValue("Docker-Content-Digest").orElse("none");
    if (!answered.equals(digest)) {
      throw refused(response.request().method() + " " + response.uri() + " answered Docker-Content-Digest " + answered + ", not " + digest);
    }
  }

  private SutUnavailableException refused(String what) {
    return new SutUnavailableException("the registry at " + base + " did not take the image the workload pulls (" + what + ")");
  }
}
