package loadsuite.nebulagc.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** Typed fields of a JSON request body, as Gin binds them: absent or null is null, a wrong type is 400. */
final class JsonFields {
  private JsonFields() {}

  static String text(JsonNode body, String field) {
    JsonNode value = typed(body, field, JsonNode::isTextual);
    return value == null ? null : value.asText();
  }

  static Integer integer(JsonNode body, String field) {
    JsonNode value = typed(body, field, node -> node.isIntegralNumber() && node.canConvertToInt());
    return value == null ? null : value.intValue();
  }

  /** Absent is false, as Go's zero value. */
  static boolean bool(JsonNode body, String field) {
    JsonNode value = typed(body, field, JsonNode::isBoolean);
    return value != null && value.booleanValue();
  }

  /** A field that must be a non-empty string, as Gin's {@code binding:"required"} wants it. */
  static String requiredText(JsonNode body, String field) {
    String value = text(body, field);
    if (value == null || value.isEmpty()) {
      throw ApiError.invalidRequest();
    }
    return value;
  }

  private static JsonNode typed(JsonNode body, String field, Predicate<JsonNode> type) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!type.test(value)) {
      throw ApiError.invalidRequest();
    }
    return value;
  }
}
