package loadsuite;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import loadsuite.http.HttpClients;

/**
 * A test server in front of a stand-in, to show the suite what real systems do that the stand-ins
 * do not: it serves the stand-in under a path prefix ({@code /api}, as gati's app template mounts
 * its routes), answers 400 to a request that offers an HTTP/2 upgrade (as Deno, under the seed's
 * registry, does), and may change an answer's body (a job API that says {@code running}).
 */
public final class FrontServer implements AutoCloseable {
  /** Headers the JDK's client sets itself, and hop-by-hop ones. */
  private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "upgrade", "http2-settings",
      "expect", "transfer-encoding", "keep-alive");

  private final Undertow server;
  private final String baseUrl;

  /** What the front server does besides forwarding: its path prefix, whether it refuses an h2c upgrade, a change of answers. */
  public record Options(String prefix, boolean refusesHttp2Upgrade, UnaryOperator<String> body) {
    public static Options prefix(String prefix) {
      return new Options(prefix, false, UnaryOperator.identity());
    }

    public Options refusingHttp2Upgrade() {
      return new Options(prefix, true, body);
    }

    public Options changingBodies(UnaryOperator<String> change) {
      return new Options(prefix, refusesHttp2Upgrade, change);
    }
  }

  private FrontServer(String target, Options options) {
    HttpClient client = HttpClients.http11(Duration.ofSeconds(5)).build();
    server = Undertow.builder().addHttpListener(0, "127.0.0.1")
        .setHandler(new BlockingHandler(exchange -> forward(exchange, client, target, options))).build();
    server.start();
    int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    baseUrl = "http://127.0.0.1:" + port + options.prefix();
  }

  /** Forwards to {@code target} (a base URL) as {@code options} say. */
  public static FrontServer start(String target, Options options) {
    return new FrontServer(target, options);
  }

  /** Its base URL, prefix included. */
  public String baseUrl() {
    return baseUrl;
  }

  private static void forward(HttpServerExchange exchange, HttpClient client, String target, Options options) throws Exception {
    HeaderValues upgrade = exchange.getRequestHeaders().get(Headers.UPGRADE);
    if (options.refusesHttp2Upgrade() && upgrade != null && upgrade.stream().anyMatch(v -> v.toLowerCase().contains("h2c"))) {
      exchange.setStatusCode(400);
      exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
      exchange.endExchange();
      return;
    }
    String path = exchange.getRequestPath();
    if (!path.startsWith(options.prefix() + "/")) {
      exchange.setStatusCode(404);
      exchange.endExchange();
      return;
    }
    String query = exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString();
    byte[] body = exchange.getInputStream().readAllBytes();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path.substring(options.prefix().length()) + query))
        .timeout(Duration.ofSeconds(30))
        .method(exchange.getRequestMethod().toString(),
            body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach(header -> {
      if (!NOT_FORWARDED.contains(header.getHeaderName().toString().toLowerCase())) {
        header.forEach(value -> request.header(header.getHeaderName().toString(), value));
      }
    });
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      exchange.setStatusCode(502);
      exchange.endExchange();
      return;
    }
    boolean head = exchange.getRequestMethod().equalToString("HEAD");
    exchange.setStatusCode(answer.statusCode());
    copyHeaders(answer.headers(), exchange, head);
    if (head) {
      exchange.endExchange();
      return;
    }
    byte[] changed = options.body().apply(new String(answer.body(), ISO_8859_1))
        .getBytes(ISO_8859_1);
    exchange.getResponseSender().send(ByteBuffer.wrap(changed));
  }

  /** The answer's headers; its length only for a HEAD, whose body is none. */
  private static void copyHeaders(HttpHeaders headers, HttpServerExchange exchange, boolean head) {
    headers.map().forEach((name, values) -> {
      boolean length = name.equalsIgnoreCase("content-length");
      if ((length && head) || (!length && !NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":"))) {
        exchange.getResponseHeaders().putAll(HttpString.tryFromString(name), values);
      }
    });
  }

  @Override
  public void close() {
    server.stop();
  }
}
