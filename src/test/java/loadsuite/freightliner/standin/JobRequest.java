package loadsuite.freightliner.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/replicate} (a repository's tags) or {@code /replicate-tree}
 * (every repository under a prefix), checked as the real server checks it: the four strings are
 * required, else 400 {@code {"error":"… is required"}}.
 */
record JobRequest(String type, RegistryAddress sourceRegistry, String sourceRepo, RegistryAddress destRegistry, String destRepo,
    List<String> tags, List<String> excludeRepos, List<String> excludeTags, List<String> includeTags, boolean force,
    boolean dryRun) {
  static final String REPLICATE = "replicate";
  static final String REPLICATE_TREE = "replicate-tree";

  static JobRequest read(String type, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiError(400, "the body must be a JSON object");
    }
    String sourceRegistry = required(body, "source_registry");
    String sourceRepo = required(body, "source_repo");
    String destRegistry = required(body, "dest_registry");
    String destRepo = required(body, "dest_repo");
    return new JobRequest(type, RegistryAddress.parse("source_registry", sourceRegistry), sourceRepo,
        RegistryAddress.parse("dest_registry", destRegistry), destRepo, strings(body, "tags"), strings(body, "exclude_repos"),
        strings(body, "exclude_tags"), strings(body, "include_tags"), flag(body, "force"), flag(body, "dry_run"));
  }

  String source() {
    return sourceRegistry.baseUrl() + "/" + sourceRepo;
  }

  String destination() {
    return destRegistry.baseUrl() + "/" + destRepo;
  }

  private static String required(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new ApiError(400, field + " is required");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode body, String field) {
    JsonNode value = body.get(field);
    List<String> list = new ArrayList<>();
    if (value == null || value.isNull()) {
      return list;
    }
    if (!value.isArray()) {
      throw new ApiError(400, field + " must be a list of strings");
    }
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new ApiError(400, field + " must be a list of strings");
      }
      list.add(item.asText());
    }
    return list;
  }

  private static boolean flag(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value != null && !value.isNull() && !value.isBoolean()) {
      throw new ApiError(400, field + " must be true or false");
    }
    return value != null && value.asBoolean();
  }
}
