package loadsuite.nebulagc.standin;

import static loadsuite.nebulagc.standin.NebulaTestClient.CLUSTER_TOKEN;
import static loadsuite.nebulagc.standin.NebulaTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The token buckets, with small limits: a burst passes, then 429 until the bucket refills, and
 * another client, node or cluster has its own bucket. A bucket starts full, so the burst passing is
 * certain; a slow machine only refills more, so the test sends up to {@link #TRIES} more requests to
 * see a 429 (at 1 token a second they would have to take 10 s), and waits twice a token's time
 * for the refill.
 */
class NebulaRateLimitTest {
  private static final int BURST = 3;
  private static final int TRIES = 10;
  private static final RateLimits.Limit SMALL = new RateLimits.Limit(1, BURST);
  private static final RateLimits.Limit LARGE = new RateLimits.Limit(1000, 1000);
  private static final long REFILL_WAIT_MS = 2000;

  @Test
  void perClientIp() throws Exception {
    RateLimits limits = new RateLimits(true, SMALL, LARGE, LARGE, LARGE, LARGE);
    try (NebulaStandIn standIn = start(limits)) {
      NebulaTestClient client = new NebulaTestClient(standIn.baseUrl());

      assertBurstThen429(() -> client.get("/health/live"));
      String otherClient = client.sendRaw("127.0.0.2", "GET /health/live HTTP/1.1\r\nHost: nebula\r\nConnection: close\r\n\r\n");
      assertThat(otherClient).as("another source address has its own bucket").startsWith("HTTP/1.1 200");

      Thread.sleep(REFILL_WAIT_MS);
      assertThat(client.get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void perNodeOnEachGroup() throws Exception {
    RateLimits limits = new RateLimits(true, LARGE, LARGE, SMALL, LARGE, LARGE);
    try (NebulaStandIn standIn = start(limits)) {
      NebulaTestClient client = new NebulaTestClient(standIn.baseUrl());
      String otherNode = client.createNode("other").get("node_token").asText();

      assertBurstThen429(() -> client.asAdmin("GET", "/api/v1/config/version", null));
      assertThat(client.asNode(otherNode, "GET", "/api/v1/config/version", null).statusCode())
          .as("another node has its own bucket").isEqualTo(200);
      assertThat(client.asAdmin("GET", "/api/v1/routes", null).statusCode())
          .as("another group has its own bucket").isEqualTo(200);

      Thread.sleep(REFILL_WAIT_MS);
      assertThat(client.asAdmin("GET", "/api/v1/config/version", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void perClusterOnTopology() throws Exception {
    RateLimits limits = new RateLimits(true, LARGE, LARGE, LARGE, LARGE, SMALL);
    try (NebulaStandIn standIn = start(limits)) {
      NebulaTestClient client = new NebulaTestClient(standIn.baseUrl());

      assertBurstThen429(() -> client.asCluster(CLUSTER_TOKEN, "GET", "/api/v1/topology", null));
      assertThat(client.asAdmin("GET", "/api/v1/config/version", null).statusCode()).isEqualTo(200);

      Thread.sleep(REFILL_WAIT_MS);
      assertThat(client.asCluster(CLUSTER_TOKEN, "GET", "/api/v1/topology", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void onByDefaultWithTheRealServersNumbers() {
    assertThat(NebulaStandIn.Options.defaults(NebulaTestClient.ADMIN_TOKEN, CLUSTER_TOKEN).rateLimits()).isEqualTo(RateLimits.DEFAULT);
    assertThat(RateLimits.DEFAULT.enabled()).isTrue();
    assertThat(RateLimits.DEFAULT.perIp()).isEqualTo(new RateLimits.Limit(100, 200));
    assertThat(RateLimits.DEFAULT.config()).isEqualTo(new RateLimits.Limit(10, 20));
  }

  private static NebulaStandIn start(RateLimits limits) {
    return NebulaStandIn.start("127.0.0.1", 0, NebulaTestClient.options().withRateLimits(limits));
  }

  private static void assertBurstThen429(Supplier<HttpResponse<byte[]>> request) {
    for (int i = 0; i < BURST; i++) {
      assertThat(request.get().statusCode()).as("request %d of the burst", i + 1).isEqualTo(200);
    }
    HttpResponse<byte[]> limited = null;
    for (int i = 0; i < TRIES && limited == null; i++) {
      HttpResponse<byte[]> answer = request.get();
      if (answer.statusCode() != 200) {
        limited = answer;
      }
    }
    assertThat(limited).as("a 429 within %d requests after the burst", TRIES).isNotNull();
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(json(limited).get("error").asText()).isEqualTo("rate_limit_exceeded");
  }
}
