package loadsuite.sut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The suite's HAProxy: a frontend per count, each request of one keep-alive connection balanced round robin. */
public class BalancerTest {
  /** Skips the test when HAProxy is missing, saying how to install it, except on CI (env {@code CI=true}), where it fails. */
  public static void requireHaproxy() {
    try {
      Balancer.program();
    } catch (SutUnavailableException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail(e.getMessage());
      }
      Assumptions.abort(e.getMessage());
    }
  }

  @Test
  void eachFrontendSpreadsRequestsRoundRobinOverItsCountOfInstances() throws Exception {
    requireHaproxy();
    List<HttpServer> servers = new ArrayList<>();
    List<AtomicInteger> served = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      AtomicInteger count = new AtomicInteger();
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        if (exchange.getRequestURI().getPath().equals("/simple")) {
          count.incrementAndGet();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      servers.add(server);
      served.add(count);
    }
    List<String> urls = servers.stream().map(s -> "http://127.0.0.1:" + s.getAddress().getPort()).toList();
    try (Balancer balancer = Balancer.start(urls, List.of(1, 3), "/health")) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < 6; i++) {
        client.send(HttpRequest.newBuilder(URI.create(balancer.urls().get(3) + "/simple")).build(), HttpResponse.BodyHandlers.discarding());
      }
      client.send(HttpRequest.newBuilder(URI.create(balancer.urls().get(1) + "/simple")).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(served).extracting(AtomicInteger::get).containsExactly(3, 2, 2);
      assertThat(ProcessHandle.of(balancer.pid())).isPresent();
      long pid = balancer.pid();
      balancer.close();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    } finally {
      servers.forEach(s -> s.stop(0));
    }
  }

  @Test
  void theConfigHasAFrontendPerCountOverTheFirstInstances() {
    String config = Balancer.config(List.of("http://127.0.0.1:4001", "http://127.0.0.1:4002"),
        new java.util.LinkedHashMap<>(java.util.Map.of(2, "http://127.0.0.1:5002")));
    assertThat(config).contains("frontend instances-2\n  bind 127.0.0.1:5002\n  default_backend instances-2\n",
        "backend instances-2\n  balance roundrobin\n  server instance-1 127.0.0.1:4001\n  server instance-2 127.0.0.1:4002\n");
  }
}
