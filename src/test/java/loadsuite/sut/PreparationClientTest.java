package loadsuite.sut;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class PreparationClientTest {
  @Test
  void aSystemThatDoesNotAnswerStopsThePreparationNamingTheSystemAndTheRequest() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    PreparationClient client = new PreparationClient("the packs registry at http://127.0.0.1:" + port);

    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.json")).build()))
        .isInstanceOf(SutUnavailableException.class)
        .hasMessageStartingWith("the packs registry at http://127.0.0.1:" + port + " did not answer GET /index.json while the load was"
            + " being prepared: ")
        .hasMessageEndingWith(". No load was sent.")
        .hasMessageNotContaining(": null");
  }
}
