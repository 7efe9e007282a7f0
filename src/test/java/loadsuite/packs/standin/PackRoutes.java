package loadsuite.packs.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of the stand-in: the registry's {@code index.json}, the marketplace API, and
 * {@code /metrics}. Runs on worker threads in blocking mode (downloads stream from there).
 * Show and search answers go through the {@link PackCache}; the index is made at start and again
 * at each publish (a new version: {@link PackPublisher}). Cached answers are not dropped at a
 * publish: as the seed's cache, they expire with their TTL.
 */
final class PackRoutes implements HttpHandler {
  private static final HttpString CHECKSUM = HttpString.tryFromString("X-Checksum-Sha256");
  private static final ObjectMapper JSON = new ObjectMapper();

  private enum Route {
    INDEX(Methods.GET), HEALTH(Methods.GET), READY(Methods.GET), METRICS(Methods.GET),
    SEARCH(Methods.POST), SHOW(Methods.GET), DOWNLOAD(Methods.GET);

    final HttpString method;

    Route(HttpString method) {
      this.method = method;
    }

    /** The route of a path's segments ({@code /a/b} → [a, b]), or null. */
    static Route of(List<String> path) {
      if (path.size() == 1) {
        return switch (path.get(0)) {
          case "index.json" -> INDEX;
          case "health" -> HEALTH;
          case "ready" -> READY;
          case "metrics" -> METRICS;
          default -> null;
        };
      }
      if (path.size() < 2 || !path.get(0).equals("marketplace")) {
        return null;
      }
      if (path.size() == 2) {
        return path.get(1).equals("search") ? SEARCH : null;
      }
      boolean packages = path.get(1).equals("packages");
      if (packages && path.size() == 3) {
        return SHOW;
      }
      return packages && path.size() == 5 && path.get(4).equals("download") ? DOWNLOAD : null;
    }
  }

  private final PackStore store;
  private final PackCache<byte[]> cache;
  private final long seed;
  /** Null until {@link #publish}: until then only health and metrics answer, the rest 503. */
  private volatile IndexDocument index;

  PackRoutes(PackStore store, PackCache<byte[]> cache, long seed) {
    this.store = store;
    this.cache = cache;
    this.seed = seed;
  }

  /** Makes the index of what the store holds now, whose URLs need the address the server got; the first call opens every route. */
  void publish(String baseUrl) {
    index = IndexDocument.of(store.all(), baseUrl, JSON);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    try {
      route(exchange);
    } catch (ApiError e) {
      answer(exchange, e);
    } catch (IOException e) {
      // the client left during a download: there is no one to answer
    } catch (RuntimeException e) {
      System.err.println("packs stand-in: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
      answer(exchange, ApiError.internal(e.toString()));
    }
  }

  private void route(HttpServerExchange exchange) throws IOException {
    List<String> path = List.of(exchange.getRelativePath().substring(1).split("/", -1));
    Route route = Route.of(path);
    if (route == null) {
      throw ApiError.notFound("no route " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
    }
    if (!route.method.equals(exchange.getRequestMethod())) {
      throw ApiError.methodNotAllowed(exchange.getRequestPath() + " takes " + route.method + ", not "
          + exchange.getRequestMethod(), route.method.toString());
    }
    if (exchange.getRequestContentLength() > 0 || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING)) {
      // search too takes its parameters in the query string
      throw ApiError.badRequest(exchange.getRequestPath() + " takes no request body");
    }
    switch (route) {
      case HEALTH -> json(exchange, 200, Map.of("status", "healthy"));
      case READY -> ready(exchange);
      case METRICS -> metrics(exchange);
      case INDEX -> index(exchange, published());
      case SEARCH -> search(exchange);
      case SHOW -> show(exchange, path.get(2), published());
      case DOWNLOAD -> download(exchange, path.get(2), path.get(3));
    }
  }

  private IndexDocument published() {
    IndexDocument published = index;
    if (published == null) {
      throw ApiError.unavailable("the registry is still being made");
    }
    return published;
  }

  private void ready(HttpServerExchange exchange) {
    IndexDocument published = index;
    if (published == null) {
      json(exchange, 503, Map.of("status", "starting"));
    } else {
      json(exchange, 200, Map.of("status", "ready", "packs", published.packs));
    }
  }

  private void metrics(HttpServerExchange exchange) {
    PackCache.Stats stats = cache.stats();
    IndexDocument published = index;
    String text = "packs_registry_packs " + (published == null ? 0 : published.packs) + "\n"
        + "packs_cache_hits_total " + stats.hits() + "\n"
        + "packs_cache_misses_total " + stats.misses() + "\n"
        + "packs_cache_evictions_total " + stats.evictions() + "\n"
        + "packs_cache_entries " + stats.entries() + "\n";
    send(exchange, 200, "text/plain; version=0.0.4", text.getBytes(StandardCharsets.UTF_8));
  }

  private static void index(HttpServerExchange exchange, IndexDocument published) {
    exchange.getResponseHeaders().put(Headers.ETAG, published.etag);
    if (published.matches(exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
      exchange.setStatusCode(304);
      return;
    }
    send(exchange, 200, "application/json", published.body);
  }

  private void search(HttpServerExchange exchange) {
    SearchRequest request = SearchRequest.parse(exchange.getQueryParameters(), PackGenerator.CATEGORIES);
    send(exchange, 200, "application/json", cache.get(request, () -> {
      PackStore.Page page = store.search(request);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", page.listings());
      body.put("total", page.total());
      body.put("limit", request.limit());
      body.put("offset", request.offset());
      return bytes(body);
    }));
  }

  private void show(HttpServerExchange exchange, String id, IndexDocument published) {
    // the seed's cache key: name@version, where show asks for the latest
    send(exchange, 200, "application/json", cache.get("pack " + id + "@latest", () -> bytes(PackJson.show(
        store.find(id).orElseThrow(() -> ApiError.notFound("no pack '" + id + "'")), published.baseUrl))));
  }

  private void download(HttpServerExchange exchange, String id, String version) throws IOException {
    Pack.Version found = store.version(id, version).orElseThrow(() -> ApiError.notFound(store.find(id).isEmpty()
        ? "no pack '" + id + "'" : "pack '" + id + "' has no version '" + version + "'"));
    exchange.setStatusCode(200);
    exchange.getResponseHeaders()
        .put(Headers.CONTENT_TYPE, "application/gzip")
        .put(Headers.CONTENT_LENGTH, found.size())
        .put(CHECKSUM, found.sha256());
    try (OutputStream out = exchange.getOutputStream()) {
      PackContent.write(PackContent.seed(seed, id, version), found.size(), out);
    }
  }

  private static void answer(HttpServerExchange exchange, ApiError error) {
    if (exchange.isResponseStarted()) {
      return; // Undertow closes a connection whose answer is shorter than its Content-Length
    }
    if (error.allow != null) {
      exchange.getResponseHeaders().put(Headers.ALLOW, error.allow);
    }
    json(exchange, error.status, error.body());
  }

  private static void json(HttpServerExchange exchange, int status, Object body) {
    send(exchange, status, "application/json", bytes(body));
  }

  private static byte[] bytes(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body + " as JSON", e);
    }
  }

  private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
