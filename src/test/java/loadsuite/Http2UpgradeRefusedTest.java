package loadsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciImage;
import loadsuite.registry.standin.RegistryStandIn;
import org.junit.jupiter.api.Test;

/**
 * The suite's HTTP clients outside Gatling speak HTTP/1.1: a registry that answers 400 to the JDK
 * client's default HTTP/2 upgrade (the seed's own, on Deno) still takes and serves an image.
 */
class Http2UpgradeRefusedTest {
  @Test
  void theOciClientPushesAndPullsWhereAnHttp2UpgradeGets400() throws Exception {
    try (RegistryStandIn registry = RegistryStandIn.start("127.0.0.1", 0);
        FrontServer front = FrontServer.start(registry.baseUrl(), FrontServer.Options.prefix("").refusingHttp2Upgrade())) {
      HttpResponse<Void> upgrade = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(front.baseUrl() + "/v2/")).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(upgrade.statusCode()).as("the JDK client's default (an h2c upgrade) is refused").isEqualTo(400);

      OciImage image = OciImage.generate(2, 4096);
      OciClient client = new OciClient(front.baseUrl());
      client.pushImage("upgrade/app", "v1", image);

      assertThat(client.pullManifest("upgrade/app", "v1", OciImage.MANIFEST_TYPE)).isEqualTo(image.manifest().content());
      assertThat(client.pullBlob("upgrade/app", image.layers().get(1).digest())).isEqualTo(image.layers().get(1).content());
    }
  }
}
