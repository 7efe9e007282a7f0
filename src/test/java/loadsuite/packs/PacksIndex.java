package loadsuite.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry's {@code index.json} as the preparation read it, before any load: what a client
 * that fetched it knows ({@code ggen pack} computes search, show and version resolution over it).
 * The load learns from it the pack ids, their versions with the SHA-256 an install checks, the
 * categories and words searches are made of, and the document's ETag and size.
 */
final class PacksIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String etag;
  private final int bytes;
  private final List<Pack> packs;
  private final Map<String, Integer> positions = new HashMap<>();

  /** One pack of the index. */
  record Pack(String id, String name, String description, String category, String latestVersion, Map<String, String> sha256) {
    /** Its versions, as the index lists them. */
    List<String> versions() {
      return List.copyOf(sha256.keySet());
    }

    /**
     * The words a search may ask for: those of the fields the marketplace searches (id, name,
     * description, category), three letters or more, lower case, in order, each once.
     */
    List<String> words() {
      Set<String> words = new LinkedHashSet<>();
      for (String text : List.of(id, name, description, category)) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
          if (word.length() >= 3) {
            words.add(word);
          }
        }
      }
      return List.copyOf(words);
    }
  }

  PacksIndex(String etag, int bytes, List<Pack> packs) {
    this.etag = etag;
    this.bytes = bytes;
    this.packs = List.copyOf(packs);
    for (int i = 0; i < this.packs.size(); i++) {
      positions.put(this.packs.get(i).id(), i);
    }
  }

  /** The document's ETag (a warm list sends it in {@code If-None-Match}), or null when it has none. */
  String etag() {
    return etag;
  }

  /** The document's size in bytes, which a cold list checks. */
  int bytes() {
    return bytes;
  }

  List<Pack> packs() {
    return packs;
  }

  /**
   * Reads the document {@code {"updated", "packs": {"<id>": {id, name, description, category,
   * latest_version, versions: {"<v>": {sha256, …}}, …}}}}.
   *
   * @throws IllegalArgumentException saying what is missing or malformed
   */
  static PacksIndex parse(byte[] body, String etag) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("it is not JSON: " + e.getMessage(), e);
    }
    JsonNode packs = root == null ? null : root.get("packs");
    if (packs == null || !packs.isObject() || packs.isEmpty()) {
      throw new IllegalArgumentException("it has no object \"packs\" with at least one pack");
    }
    List<Pack> read = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = packs.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      read.add(pack(entry.getKey(), entry.getValue()));
    }
    return new PacksIndex(etag, body.length, read);
  }

  private static Pack pack(String id, JsonNode pack) {
    JsonNode versions = pack.get("versions");
    if (versions == null || !versions.isObject() || versions.isEmpty()) {
      throw new IllegalArgumentException("pack '" + id + "' has no versions");
    }
    Map<String, String> sha256 = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = versions.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> version = entries.next();
      String digest = version.getValue().path("sha256").asText("");
      if (!digest.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("version " + version.getKey() + " of pack '" + id + "' has no sha256 of 64 hex digits");
      }
      sha256.put(version.getKey(), digest);
    }
    String latest = pack.path("latest_version").asText("");
    if (!sha256.containsKey(latest)) {
      throw new IllegalArgumentException("pack '" + id + "' has a latest_version '" + latest + "' that is not among its versions");
    }
    return new Pack(id, pack.path("name").asText(""), pack.path("description").asText(""), pack.path("category").asText(""),
        latest, Collections.unmodifiableMap(sha256));
  }

  /** The categories of the packs, each once. */
  List<String> categories() {
    return packs.stream().map(Pack::category).filter(c -> !c.isEmpty()).distinct().toList();
  }

  /** The pack of an id, or null. */
  Pack find(String id) {
    Integer position = positions.get(id);
    return position == null ? null : packs.get(position);
  }

  /** Where the pack of an id is in {@link #packs()}, or -1. */
  int position(String id) {
    return positions.getOrDefault(id, -1);
  }
}
