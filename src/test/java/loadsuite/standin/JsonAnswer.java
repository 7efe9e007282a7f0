package loadsuite.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** A JSON answer of a stand-in: the body serialised with the system's Jackson settings, sent whole. */
public final class JsonAnswer {
  private JsonAnswer() {}

  /** Sends {@code body} as JSON with {@code status} and {@code contentType} (the system's own, with or without a charset). */
  public static void send(HttpServerExchange exchange, int status, ObjectMapper json, Object body, String contentType) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body, e);
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
  }
}
