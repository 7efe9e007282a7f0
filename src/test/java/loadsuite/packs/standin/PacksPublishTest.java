package loadsuite.packs.standin;

import static loadsuite.packs.standin.PacksTestClient.json;
import static loadsuite.packs.standin.PacksTestClient.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's publisher, which {@code ggen pack update} needs: a new version of one pack, a new
 * {@code index.json} with a new ETag (200 to the old one in {@code If-None-Match}, 304 to the new).
 */
class PacksPublishTest {
  private static final PacksStandIn.Options OPTIONS = PacksStandInTest.OPTIONS.withRegistrySize(10);

  @Test
  void aPublishGivesOnePackANewerVersionAndTheIndexANewETag() {
    Path database;
    try (PacksStandIn standIn = PacksStandIn.start("127.0.0.1", 0, OPTIONS.withPublishInterval(Duration.ofHours(1)))) {
      database = standIn.databaseFile();
      PacksTestClient client = new PacksTestClient(standIn.baseUrl());
      HttpResponse<byte[]> before = client.get("/index.json");
      String etag = before.headers().firstValue("etag").orElseThrow();
      assertThat(client.get("/index.json", "If-None-Match", etag).statusCode()).as("unchanged").isEqualTo(304);

      String id = standIn.publishNow();

      HttpResponse<byte[]> after = client.get("/index.json", "If-None-Match", etag);
      assertThat(after.statusCode()).as("changed").isEqualTo(200);
      String newEtag = after.headers().firstValue("etag").orElseThrow();
      assertThat(newEtag).matches("\"[0-9a-f]{32}\"").isNotEqualTo(etag);
      assertThat(client.get("/index.json", "If-None-Match", newEtag).statusCode()).isEqualTo(304);
      JsonNode old = json(before).get("packs");
      JsonNode now = json(after).get("packs");
      String oldLatest = old.get(id).get("latest_version").asText();
      String latest = now.get(id).get("latest_version").asText();
      assertThat(latest).isEqualTo(PackPublisher.nextPatch(oldLatest));
      assertThat(now.get(id).get("versions").size()).isEqualTo(old.get(id).get("versions").size() + 1);
      old.fieldNames().forEachRemaining(other -> {
        if (!other.equals(id)) {
          assertThat(now.get(other)).as(other).isEqualTo(old.get(other));
        }
      });
      JsonNode version = now.get(id).get("versions").get(latest);
      HttpResponse<byte[]> download = client.get(version.get("git_url").asText());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(sha256(download.body())).isEqualTo(version.get("sha256").asText())
          .isNotEqualTo(old.get(id).get("versions").get(oldLatest).get("sha256").asText());
    }
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      assertThat(Path.of(database + suffix)).as("the temporary database, written to, is deleted on close").doesNotExist();
    }
  }

  @Test
  void theStandInPublishesEveryIntervalAndNotAtAllByDefault() throws InterruptedException {
    assertThat(PacksStandIn.Options.defaults().publishInterval()).isZero();
    try (PacksStandIn standIn = PacksStandIn.start("127.0.0.1", 0, OPTIONS.withPublishInterval(Duration.ofMillis(100)))) {
      PacksTestClient client = new PacksTestClient(standIn.baseUrl());
      Set<String> etags = new HashSet<>();
      String etag = client.get("/index.json").headers().firstValue("etag").orElseThrow();
      etags.add(etag);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (etags.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        HttpResponse<byte[]> reread = client.get("/index.json", "If-None-Match", etag);
        assertThat(reread.statusCode()).isIn(200, 304);
        etag = reread.headers().firstValue("etag").orElseThrow();
        etags.add(etag);
      }
      assertThat(etags).as("ETags seen within 10 s of publishing every 100 ms").hasSize(3);
    }
  }
}
