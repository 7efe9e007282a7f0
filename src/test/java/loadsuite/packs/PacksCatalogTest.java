package loadsuite.packs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loadsuite.config.Rate;
import loadsuite.config.TargetsException;
import loadsuite.load.Shape;
import loadsuite.load.Workload;
import loadsuite.packs.standin.PacksStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the packs workloads call cold and warm, against the stand-in's own cache counters: a cold
 * show or search is a miss, a warm one a hit; the searches are of the registry's vocabulary and all
 * different; a plan that needs more cold packs than the registry has stops before any load.
 */
class PacksCatalogTest {
  private static final int PACKS = 100;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static PacksStandIn standIn;

  @BeforeAll
  static void start() {
    standIn = PacksStandIn.start("127.0.0.1", 0, PacksStandIn.Options.defaults().withRegistrySize(PACKS));
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static Workload workload(double rate, int seconds) {
    return new Workload("packs.show", 2, Duration.ofSeconds(1), new Shape.Sustained(new Rate(rate), Duration.ofSeconds(seconds)), 1, null);
  }

  private static PacksCatalog prepared(PacksCatalog.Demand demand) {
    PacksCatalog catalog = new PacksCatalog(Duration.ofMinutes(6));
    catalog.prepare(standIn.baseUrl(), workload(10, 5), demand);
    return catalog;
  }

  @Test
  void theIndexGivesEveryPackWithItsVersionsDigestsETagAndSize() {
    PacksIndex index = prepared(PacksCatalog.Demand.NONE).index();
    HttpResponse<byte[]> response = send("GET", "/index.json");
    assertThat(index.packs()).hasSize(PACKS);
    assertThat(index.etag()).isEqualTo(response.headers().firstValue("ETag").orElseThrow());
    assertThat(index.bytes()).isEqualTo(response.body().length);
    PacksIndex.Pack pack = index.packs().get(0);
    assertThat(pack.versions()).contains(pack.latestVersion());
    assertThat(pack.sha256().values()).allMatch(digest -> digest.matches("[0-9a-f]{64}"));
    assertThat(pack.words()).contains(pack.category()).allMatch(word -> word.length() >= 3);
  }

  @Test
  void coldShowsAndSearchesAreMissesOfTheSystemsCacheAndWarmOnesHits() {
    // a system of its own: cold means not asked for since the system started (the other tests ask too)
    try (PacksStandIn fresh = PacksStandIn.start("127.0.0.1", 0, PacksStandIn.Options.defaults().withRegistrySize(PACKS))) {
      PacksCatalog catalog = new PacksCatalog(Duration.ofMinutes(6));
      catalog.prepare(fresh.baseUrl(), workload(10, 5), PacksCatalog.Demand.NONE);
      long[] before = cache(fresh);
      for (int i = 0; i < 20; i++) {
        assertThat(send(fresh, "GET", PacksRequests.packagePath(catalog.coldPack().item().id())).statusCode()).isEqualTo(200);
        assertThat(send(fresh, "POST", PacksRequests.SEARCH_PATH + catalog.coldSearch().item().queryString()).statusCode())
            .isEqualTo(200);
      }
      long[] cold = cache(fresh);
      assertThat(cold[0] - before[0]).as("hits of cold requests").isZero();
      assertThat(cold[1] - before[1]).as("misses of cold requests").isEqualTo(40);
      for (int i = 0; i < 20; i++) {
        send(fresh, "GET", PacksRequests.packagePath(catalog.warmPack().id()));
        send(fresh, "POST", PacksRequests.SEARCH_PATH + catalog.warmSearch().queryString());
      }
      long[] warm = cache(fresh);
      assertThat(warm[0] - cold[0]).as("hits of warm requests").isEqualTo(40);
      assertThat(warm[1] - cold[1]).as("misses of warm requests").isZero();
    }
  }

  @Test
  void theSearchesAreAllDifferentAndAFirstPageFindsAPack() {
    PacksCatalog catalog = prepared(PacksCatalog.Demand.NONE);
    SearchQueries searches = SearchQueries.of(catalog.index());
    Set<String> all = new HashSet<>();
    for (int n = 0; n < searches.size(); n++) {
      all.add(searches.get(n).queryString());
    }
    assertThat(all).hasSize(searches.size()).hasSizeGreaterThan(10_000);
    for (int i = 0; i < 30; i++) {
      SearchQueries.Query query = catalog.coldFirstPageSearch().item();
      assertThat(query.firstPage()).isTrue();
      String body = new String(send("POST", PacksRequests.SEARCH_PATH + query.queryString()).body());
      assertThat(body).as(query.queryString()).doesNotContain("\"total\":0").contains("\"data\":[{\"id\":");
    }
  }

  @Test
  void aPlanOfMoreColdPacksThanTheRegistryHasStopsBeforeAnyLoad() {
    PacksCatalog catalog = new PacksCatalog(Duration.ofMinutes(6));
    // 100/s for 5 s, all of them cold: about 550 packs of the 90 that are not warm
    assertThatThrownBy(() -> catalog.prepare(standIn.baseUrl(), workload(100, 5), new PacksCatalog.Demand(1, 0, 0, false)))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("packs.show plans about 555 cold requests")
        .hasMessageContaining("the system has 90 packs not asked for by warm requests")
        .hasMessageContaining("raise registry-size");
    // a longer run is fine when the rate leaves each pack cold-after to cool down: 90 packs a minute
    new PacksCatalog(Duration.ofMinutes(1)).prepare(standIn.baseUrl(), workload(1, 600), new PacksCatalog.Demand(1, 0, 0, false));
  }

  /** A stand-in's cache hits and misses so far. */
  private static long[] cache(PacksStandIn system) {
    String metrics = new String(send(system, "GET", "/metrics").body());
    return new long[] {counter(metrics, "packs_cache_hits_total"), counter(metrics, "packs_cache_misses_total")};
  }

  private static long counter(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " (\\d+)$").matcher(metrics);
    assertThat(m.find()).as(name + " in " + metrics).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static HttpResponse<byte[]> send(String method, String path) {
    return send(standIn, method, path);
  }

  private static HttpResponse<byte[]> send(PacksStandIn system, String method, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).timeout(Duration.ofSeconds(30))
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
