package loadsuite.nebulagc.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import loadsuite.standin.JsonAnswer;

/** Helpers on exchanges: parameters, bounded bodies, and the API's JSON answers. */
final class Exchanges {
  /** Records answer with snake_case names, as the real server's structs are tagged. */
  static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  /** The largest JSON body a route reads. */
  static final int MAX_JSON_BYTES = 1 << 20;

  private Exchanges() {}

  /** The first value of query parameter {@code name}, or null. */
  static String query(HttpServerExchange exchange, String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    return values == null ? null : values.getFirst();
  }

  /** The value of path parameter {@code name} of the matched route template. */
  static String pathParameter(HttpServerExchange exchange, String name) {
    return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get(name);
  }

  /**
   * The request body, of at most {@code limit} bytes, read on a worker thread in blocking mode. A
   * larger one (declared or sent) gets 413 {@code code}; the connection then closes rather than
   * read the rest. The stand-in sets no entity size limit of Undertow's: past that limit Undertow
   * would close the connection without an answer.
   */
  static byte[] body(HttpServerExchange exchange, int limit, String code, String message) throws IOException {
    if (exchange.getRequestContentLength() > limit) {
      exchange.setPersistent(false);
      throw new ApiError(413, code, message);
    }
    InputStream in = exchange.getInputStream();
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      exchange.setPersistent(false);
      throw new ApiError(413, code, message);
    }
    return bytes;
  }

  /** The body as a JSON object, or 400 {@code invalid_request} when it is not one. */
  static JsonNode jsonObject(HttpServerExchange exchange) throws IOException {
    byte[] body = body(exchange, MAX_JSON_BYTES, "payload_too_large", "Payload exceeds size limit");
    JsonNode json;
    try {
      json = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.isObject()) {
      throw ApiError.invalidRequest();
    }
    return json;
  }

  /** Answers {@code {"data": data}}. */
  static void data(HttpServerExchange exchange, int status, Object data) {
    json(exchange, status, Map.of("data", data));
  }

  /** Answers {@code {"message": message}}, as the real server does where it has nothing else to say. */
  static void message(HttpServerExchange exchange, String message) {
    json(exchange, 200, Map.of("message", message));
  }

  /** Writes {@code error} unless an answer has already begun (then the connection just ends). */
  static void error(HttpServerExchange exchange, ApiError error) {
    if (exchange.isResponseStarted()) {
      exchange.setPersistent(false);
      return;
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", error.code);
    body.put("message", error.getMessage());
    body.put("request_id", UUID.randomUUID().toString());
    json(exchange, error.status, body);
  }

  private static void json(HttpServerExchange exchange, int status, Object body) {
    JsonAnswer.send(exchange, status, JSON, body, "application/json; charset=utf-8");
  }
}
