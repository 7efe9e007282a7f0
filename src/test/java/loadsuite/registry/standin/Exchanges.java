package loadsuite.registry.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.InputStream;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loadsuite.standin.JsonAnswer;

/**
 * Helpers on Undertow exchanges, which all run on worker threads in blocking mode: query
 * parameters, bounded request bodies, and the registry's answers.
 */
final class Exchanges {
  static final HttpString API_VERSION = HttpString.tryFromString("Docker-Distribution-API-Version");
  static final HttpString CONTENT_DIGEST = HttpString.tryFromString("Docker-Content-Digest");
  static final HttpString UPLOAD_UUID = HttpString.tryFromString("Docker-Upload-UUID");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Exchanges() {}

  /** The first value of query parameter {@code name}, or null. */
  static String query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null ? null : values.getFirst();
  }

  /**
   * The request body, of at most {@code limit} bytes. A declared length above it gets 413
   * {@code SIZE_INVALID} at once, without reading the body. A chunked body that goes past it
   * makes Undertow stop reading and close the connection (so that client gets no answer; Undertow
   * also prints that exception to stderr).
   */
  static InputStream body(HttpServerExchange exchange, long limit) {
    if (exchange.getRequestContentLength() > limit) {
      throw new RegistryError(413, RegistryError.Code.SIZE_INVALID, "the content exceeds " + limit + " bytes");
    }
    exchange.setMaxEntitySize(limit);
    return exchange.getInputStream();
  }

  static void json(HttpServerExchange exchange, int status, Object body) {
    JsonAnswer.send(exchange, status, JSON, body, "application/json");
  }

  /** Writes {@code error} unless an answer has already begun (then the connection just ends). */
  static void error(HttpServerExchange exchange, RegistryError error) {
    if (exchange.isResponseStarted()) {
      return;
    }
    error.headers.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
    if (error.status == 413) {
      // close after the answer rather than read the unwanted body to its end
      exchange.setPersistent(false);
    }
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("code", error.code.name());
    entry.put("message", error.code.message);
    entry.put("detail", error.detail);
    json(exchange, error.status, Map.of("errors", List.of(entry)));
  }
}
