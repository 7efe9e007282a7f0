package loadsuite.packs.standin;

import static loadsuite.packs.standin.PacksTestClient.json;
import static loadsuite.packs.standin.PacksTestClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every route of the packs stand-in, over a registry of 50 packs of minimal and medium size. */
class PacksStandInTest {
  static final PacksStandIn.Options OPTIONS = PacksStandIn.Options.defaults()
      .withRegistrySize(50).withSeed(7).withContentMix(new ContentMix(1, 1, 0, 0));
  private static PacksStandIn standIn;
  private static PacksTestClient client;
  private static JsonNode packs;

  @BeforeAll
  static void start() {
    standIn = PacksStandIn.start("127.0.0.1", 0, OPTIONS);
    client = new PacksTestClient(standIn.baseUrl());
    packs = json(client.get("/index.json")).get("packs");
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void descriptionNamesTheAddressAndTheSize() {
    assertThat(standIn.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(standIn.description()).isEqualTo("packs stand-in at " + standIn.baseUrl() + ", 50 packs");
  }

  @Test
  void indexHasTheShapeOfTheRealRegistry() {
    HttpResponse<byte[]> response = client.get("/index.json");
    JsonNode index = json(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(index.get("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(index.get("packs").size()).isEqualTo(50);
    index.get("packs").fields().forEachRemaining(entry -> {
      JsonNode pack = entry.getValue();
      assertThat(fieldNames(pack)).containsExactly("id", "name", "description", "tags", "keywords", "category",
          "author", "latest_version", "versions", "downloads", "license");
      assertThat(pack.get("id").asText()).isEqualTo(entry.getKey()).startsWith("io.ggen." + pack.get("category").asText() + ".");
      assertThat(pack.get("tags").isArray()).isTrue();
      assertThat(pack.get("keywords").isArray()).isTrue();
      assertThat(pack.get("downloads").isIntegralNumber()).isTrue();
      assertThat(pack.get("versions").has(pack.get("latest_version").asText())).isTrue();
      pack.get("versions").fields().forEachRemaining(v -> {
        assertThat(fieldNames(v.getValue())).containsExactly("version", "git_url", "git_rev", "manifest_url", "sha256");
        assertThat(v.getValue().get("version").asText()).isEqualTo(v.getKey()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(v.getValue().get("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(v.getValue().get("git_rev").asText()).matches("[0-9a-f]{40}");
        assertThat(v.getValue().get("git_url").asText())
            .isEqualTo(standIn.baseUrl() + "/marketplace/packages/" + entry.getKey() + "/" + v.getKey() + "/download");
        assertThat(v.getValue().get("manifest_url").asText())
            .isEqualTo(standIn.baseUrl() + "/marketplace/packages/" + entry.getKey());
      });
    });
  }

  @Test
  void indexAnswers304ToItsOwnETagOnly() {
    String etag = client.get("/index.json").headers().firstValue("etag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");

    HttpResponse<byte[]> same = client.get("/index.json", "If-None-Match", etag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("etag")).hasValue(etag);
    assertThat(client.get("/index.json", "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
    assertThat(client.get("/index.json", "If-None-Match", "*").statusCode()).isEqualTo(304);
    HttpResponse<byte[]> other = client.get("/index.json", "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(json(other).get("packs").size()).isEqualTo(50);
  }

  @Test
  void everyDownloadHasTheDigestTheIndexGives() {
    Set<Long> sizes = new HashSet<>();
    packs.forEach(pack -> pack.get("versions").forEach(version -> {
      HttpResponse<byte[]> download = client.get(version.get("git_url").asText());
      String sha256 = version.get("sha256").asText();

      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(sha256(download.body())).isEqualTo(sha256);
      assertThat(download.headers().firstValue("x-checksum-sha256")).hasValue(sha256);
      assertThat(download.headers().firstValueAsLong("content-length")).hasValue(download.body().length);
      assertThat(download.headers().firstValue("content-type")).hasValue("application/gzip");
      sizes.add((long) download.body().length);
    }));
    // the mix of the options: minimal and medium packs
    assertThat(sizes).containsExactlyInAnyOrder(ContentMix.Fixture.MINIMAL.bytes, ContentMix.Fixture.MEDIUM.bytes);
  }

  @Test
  void searchWithoutParametersGivesTheFirstPageOfAll() {
    JsonNode page = json(client.search(""));

    assertThat(page.get("total").asLong()).isEqualTo(50);
    assertThat(page.get("limit").asInt()).isEqualTo(20);
    assertThat(page.get("offset").asInt()).isZero();
    assertThat(page.get("data").size()).isEqualTo(20);
    page.get("data").forEach(item -> {
      JsonNode pack = packs.get(item.get("id").asText());
      assertThat(fieldNames(item)).containsExactly("id", "name", "version", "author", "description", "downloads",
          "price", "license", "rating");
      assertThat(item.get("name")).isEqualTo(pack.get("name"));
      assertThat(item.get("version")).isEqualTo(pack.get("latest_version"));
      assertThat(item.get("author")).isEqualTo(pack.get("author"));
      assertThat(item.get("downloads")).isEqualTo(pack.get("downloads"));
      assertThat(item.get("rating").asDouble()).isBetween(1.0, 5.0);
      assertThat(item.get("price").asDouble()).isGreaterThanOrEqualTo(0.0);
    });
  }

  @Test
  void searchByQueryFindsThePacksWithAWordStartingWithEachOfItsWords() {
    JsonNode some = packs.elements().next();
    String word = some.get("name").asText().split(" ")[2].toLowerCase(Locale.ROOT);
    String category = some.get("category").asText();

    JsonNode page = json(client.search("limit=100&query=" + encode(word + " " + category)));

    long expected = StreamSupport.stream(packs.spliterator(), false)
        .filter(p -> hasWordsStartingWith(p, word) && hasWordsStartingWith(p, category))
        .count();
    assertThat(ids(page)).contains(some.get("id").asText());
    assertThat(page.get("total").asLong()).isEqualTo(expected).isEqualTo(page.get("data").size());
    page.get("data").forEach(item -> assertThat(hasWordsStartingWith(packs.get(item.get("id").asText()), word)).isTrue());
  }

  @Test
  void queryWordsArePrefixes() {
    JsonNode page = json(client.search("limit=100&query=micro"));

    assertThat(page.get("total").asInt()).isPositive();
    page.get("data").forEach(item -> assertThat(item.get("description").asText()).contains("microservice"));
  }

  @Test
  void limitAndOffsetPageThroughTheSameOrder() {
    List<String> first10 = ids(json(client.search("sort_by=name&limit=10")));
    List<String> page1 = ids(json(client.search("sort_by=name&limit=5")));
    JsonNode page2 = json(client.search("sort_by=name&limit=5&offset=5"));

    assertThat(page2.get("offset").asInt()).isEqualTo(5);
    assertThat(page2.get("limit").asInt()).isEqualTo(5);
    assertThat(page1).hasSize(5);
    assertThat(first10).isEqualTo(concat(page1, ids(page2)));
    assertThat(json(client.search("offset=50")).get("data")).isEmpty();
    assertThat(json(client.search("offset=50")).get("total").asInt()).isEqualTo(50);
  }

  @Test
  void categoryKeepsThePacksOfThatCategory() {
    String category = packs.elements().next().get("category").asText();
    JsonNode page = json(client.search("limit=100&category=" + category));

    long expected = StreamSupport.stream(packs.spliterator(), false)
        .filter(p -> p.get("category").asText().equals(category)).count();
    assertThat(page.get("total").asLong()).isEqualTo(expected);
    assertThat(ids(page)).hasSize((int) expected)
        .allSatisfy(id -> assertThat(packs.get(id).get("category").asText()).isEqualTo(category));
  }

  @Test
  void sortByDownloadsRatingAndName() {
    assertThat(all("downloads")).extracting(item -> item.get("downloads").asLong())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(all("rating")).extracting(item -> item.get("rating").asDouble())
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(all("name")).extracting(item -> item.get("name").asText()).isSorted();
  }

  @Test
  void sortByUpdatedPutsTheLatestChangeFirst() {
    List<String> updated = all("updated").stream()
        .map(item -> json(client.get("/marketplace/packages/" + item.get("id").asText())).get("updated_at").asText())
        .toList();

    assertThat(updated).hasSize(50).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void relevanceWithoutAQueryIsByDownloadsAndWithOneRanksTheSameMatches() {
    assertThat(ids(json(client.search("limit=100&sort_by=relevance")))).isEqualTo(ids(json(client.search("limit=100"))))
        .isEqualTo(ids(json(client.search("limit=100&sort_by=downloads"))));

    JsonNode ranked = json(client.search("limit=100&sort_by=relevance&query=api"));
    JsonNode byDownloads = json(client.search("limit=100&sort_by=downloads&query=api"));
    assertThat(ranked.get("total")).isEqualTo(byDownloads.get("total"));
    assertThat(ids(ranked)).isNotEmpty().containsExactlyInAnyOrderElementsOf(ids(byDownloads));
  }

  @Test
  void showGivesTheIndexEntryWithWhatTheStoreKnowsBesides() {
    packs.forEach(entry -> {
      HttpResponse<byte[]> response = client.get("/marketplace/packages/" + entry.get("id").asText());
      JsonNode shown = json(response);

      assertThat(response.statusCode()).isEqualTo(200);
      entry.fieldNames().forEachRemaining(field -> {
        if (!field.equals("versions")) {
          assertThat(shown.get(field)).as(field).isEqualTo(entry.get(field));
        }
      });
      assertThat(shown.get("rating").isNumber()).isTrue();
      assertThat(shown.get("price").isNumber()).isTrue();
      assertThat(shown.get("created_at").asText()).isLessThanOrEqualTo(shown.get("updated_at").asText());
    });
  }

  @Test
  void showListsTheVersionsOfTheIndexWithTheirSizes() {
    JsonNode entry = packs.elements().next();
    JsonNode versions = json(client.get("/marketplace/packages/" + entry.get("id").asText())).get("versions");

    assertThat(fieldNames(versions)).isEqualTo(fieldNames(entry.get("versions")));
    versions.fields().forEachRemaining(v -> {
      JsonNode indexed = entry.get("versions").get(v.getKey());
      indexed.fieldNames().forEachRemaining(field -> assertThat(v.getValue().get(field)).isEqualTo(indexed.get(field)));
      HttpResponse<byte[]> download = client.get(v.getValue().get("git_url").asText());
      assertThat(v.getValue().get("size").asLong()).isEqualTo(download.body().length);
      assertThat(v.getValue().get("published_at").asText()).isLessThanOrEqualTo(
          json(client.get("/marketplace/packages/" + entry.get("id").asText())).get("updated_at").asText());
    });
  }

  @Test
  void healthAndReady() {
    HttpResponse<byte[]> health = client.get("/health");
    HttpResponse<byte[]> ready = client.get("/ready");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("status").asText()).isEqualTo("healthy");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("status").asText()).isEqualTo("ready");
    assertThat(json(ready).get("packs").asInt()).isEqualTo(50);
  }

  @Test
  void aRepeatedShowIsServedFromTheCache() {
    String path = "/marketplace/packages/" + packs.elements().next().get("id").asText();
    client.get(path);
    PackCache.Stats before = standIn.cacheStats();
    Map<String, Long> metricsBefore = metrics();

    HttpResponse<byte[]> again = client.get(path);

    PackCache.Stats after = standIn.cacheStats();
    assertThat(after.hits()).isEqualTo(before.hits() + 1);
    assertThat(after.misses()).isEqualTo(before.misses());
    assertThat(metrics().get("packs_cache_hits_total")).isEqualTo(metricsBefore.get("packs_cache_hits_total") + 1);
    assertThat(json(again).get("id").asText()).isEqualTo(packs.elements().next().get("id").asText());
  }

  @Test
  void aSearchIsAMissOnceThenHits() {
    // parameters no other test sends
    String parameters = "query=secure&limit=3&offset=1&sort_by=rating";
    PackCache.Stats before = standIn.cacheStats();
    JsonNode cold = json(client.search(parameters));
    PackCache.Stats between = standIn.cacheStats();
    JsonNode warm = json(client.search(parameters));
    PackCache.Stats after = standIn.cacheStats();

    assertThat(between.misses()).isEqualTo(before.misses() + 1);
    assertThat(after.hits()).isEqualTo(between.hits() + 1);
    assertThat(after.misses()).isEqualTo(between.misses());
    assertThat(warm).isEqualTo(cold);
    assertThat(metrics()).containsEntry("packs_registry_packs", 50L).containsKeys("packs_cache_misses_total",
        "packs_cache_evictions_total", "packs_cache_entries");
  }

  @Test
  void concurrentRequestsShareTheFewDatabaseConnections() throws Exception {
    List<String> ids = new ArrayList<>();
    packs.fieldNames().forEachRemaining(ids::add);
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 160; i++) {
        int n = i;
        String id = ids.get(n % ids.size());
        // downloads and uncached searches, which each borrow a connection
        statuses.add(threads.submit(() -> (n % 2 == 0
            ? client.get(packs.get(id).get("versions").elements().next().get("git_url").asText())
            : client.search("query=" + id.split("\\.")[2] + "&offset=" + n)).statusCode()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theSameSeedMakesTheSameIndexAndAnotherSeedAnother() {
    byte[] ours = client.get("/index.json").body();
    try (PacksStandIn twin = PacksStandIn.start("127.0.0.1", 0, OPTIONS);
         PacksStandIn other = PacksStandIn.start("127.0.0.1", 0, OPTIONS.withSeed(8))) {
      String twinIndex = new String(new PacksTestClient(twin.baseUrl()).get("/index.json").body(), StandardCharsets.UTF_8);
      JsonNode otherPacks = json(new PacksTestClient(other.baseUrl()).get("/index.json")).get("packs");

      // the URLs name each stand-in's own address; all else is the same
      assertThat(twinIndex.replace(twin.baseUrl(), standIn.baseUrl())).isEqualTo(new String(ours, StandardCharsets.UTF_8));
      assertThat(digests(otherPacks)).doesNotContainAnyElementsOf(digests(packs));
    }
  }

  @Test
  void aTemporaryDatabaseIsDeletedOnCloseAndAGivenOneKept(@TempDir Path dir) {
    Path given = dir.resolve("packs.db");
    PacksStandIn temporary = PacksStandIn.start("127.0.0.1", 0, OPTIONS.withRegistrySize(5));
    PacksStandIn kept = PacksStandIn.start("127.0.0.1", 0, OPTIONS.withRegistrySize(5).withDatabaseFile(given));
    Path temporaryFile = temporary.databaseFile();
    assertThat(temporaryFile).exists();
    assertThat(kept.databaseFile()).isEqualTo(given);

    temporary.close();
    kept.close();

    assertThat(temporaryFile).doesNotExist();
    assertThat(given).exists();
    assertThat(Files.isRegularFile(given)).isTrue();
  }

  /** Whether a word of the pack's full-text columns (id, name, description, category) starts with {@code prefix}. */
  private static boolean hasWordsStartingWith(JsonNode pack, String prefix) {
    String text = String.join(" ", pack.get("id").asText(), pack.get("name").asText(),
        pack.get("description").asText(), pack.get("category").asText());
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).anyMatch(w -> w.startsWith(prefix));
  }

  private static List<JsonNode> all(String sortBy) {
    List<JsonNode> items = new ArrayList<>();
    json(client.search("limit=100&sort_by=" + sortBy)).get("data").forEach(items::add);
    assertThat(items).hasSize(50);
    return items;
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> digests(JsonNode index) {
    Set<String> digests = new HashSet<>();
    index.forEach(pack -> pack.get("versions").forEach(v -> digests.add(v.get("sha256").asText())));
    return digests;
  }

  private static Map<String, Long> metrics() {
    Map<String, Long> values = new HashMap<>();
    new String(client.get("/metrics").body(), StandardCharsets.UTF_8).lines()
        .map(line -> line.split(" "))
        .forEach(pair -> values.put(pair[0], Long.parseLong(pair[1])));
    return values;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
