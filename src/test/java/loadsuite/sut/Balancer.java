package loadsuite.sut;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import loadsuite.http.HttpClients;

/**
 * HAProxy (Debian's {@code haproxy}), started by the suite on loopback with a generated config: one
 * frontend for each count of instances, on its own port, balancing round robin, request by request,
 * over that many of the instances. Closing it stops the process by its pid.
 */
public final class Balancer implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/bin/haproxy"));

  private final Process process;
  private final Path folder;
  private final Map<Integer, String> urls;

  private Balancer(Process process, Path folder, Map<Integer, String> urls) {
    this.process = process;
    this.folder = folder;
    this.urls = urls;
  }

  /** The HAProxy program; missing, the run stops before any load saying how to install it. */
  public static Path program() {
    return PLACES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new SutUnavailableException(
        "HAProxy, the load balancer of a scaling workload, is missing (" + PLACES.get(0) + "): apt-get install haproxy. No load was sent."));
  }

  /**
   * Starts HAProxy in front of {@code backends} (base URLs), with a frontend for each of
   * {@code counts} over the first that many, and waits until each answers {@code healthPath}.
   */
  public static Balancer start(List<String> backends, List<Integer> counts, String healthPath) {
    Path program = program();
    Map<Integer, String> urls = new LinkedHashMap<>();
    counts.forEach(count -> urls.put(count, "http://127.0.0.1:" + freePort()));
    Path folder;
    Process process;
    try {
      folder = Files.createTempDirectory("balancer");
      Path config = Files.writeString(folder.resolve("haproxy.cfg"), config(backends, urls));
      process = new ProcessBuilder(program.toString(), "-db", "-f", config.toString())
          .redirectErrorStream(true).redirectOutput(folder.resolve("haproxy.log").toFile()).start();
    } catch (IOException e) {
      throw new SutUnavailableException("HAProxy could not be started: " + e.getMessage() + ". No load was sent.", e);
    }
    Balancer balancer = new Balancer(process, folder, urls);
    try {
      balancer.awaitReady(healthPath);
    } catch (RuntimeException e) {
      balancer.close();
      throw e;
    }
    return balancer;
  }

  /**
   * The config: HTTP keep-alive on both sides (HAProxy's default), each request balanced on its own,
   * then a frontend and its backend per count. No maxconn: HAProxy derives it from the open-file limit.
   */
  static String config(List<String> backends, Map<Integer, String> frontends) {
    StringBuilder cfg = new StringBuilder("""
        defaults
          mode http
          timeout connect 5s
          timeout client 30s
          timeout server 30s
        """);
    frontends.forEach((count, url) -> {
      URI front = URI.create(url);
      cfg.append("frontend instances-").append(count).append("\n  bind ").append(front.getHost()).append(':').append(front.getPort())
          .append("\n  default_backend instances-").append(count).append('\n')
          .append("backend instances-").append(count).append("\n  balance roundrobin\n");
      for (int i = 0; i < count; i++) {
        URI back = URI.create(backends.get(i));
        cfg.append("  server instance-").append(i + 1).append(' ').append(back.getHost()).append(':').append(back.getPort()).append('\n');
      }
    });
    return cfg.toString();
  }

  /** The base URL of the frontend over each count of instances, by count. */
  public Map<Integer, String> urls() {
    return urls;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitReady(String healthPath) {
    HttpClient client = HttpClients.http11(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    for (String url : urls.values()) {
      while (!answers(client, url + healthPath)) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          throw new SutUnavailableException("HAProxy " + (process.isAlive() ? "did not answer " + url + healthPath + " within "
              + READY_TIMEOUT.toSeconds() + " s" : "exited") + "; its log: " + log().strip().replace('\n', ' ') + ". No load was sent.");
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SutUnavailableException("interrupted while waiting for HAProxy", e);
        }
      }
    }
  }

  private static boolean answers(HttpClient client, String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String log() {
    try {
      return Files.readString(folder.resolve("haproxy.log"));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new SutUnavailableException("no free loopback port for the load balancer: " + e.getMessage(), e);
    }
  }

  /** Stops HAProxy by its pid (SIGTERM, then SIGKILL after 5 s) and removes its config. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      System.err.println("the load balancer's folder " + folder + " could not be removed: " + e.getMessage());
    }
  }
}
