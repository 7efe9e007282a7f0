package loadsuite.packs.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.json}, made at start and at each publish: {@code {"updated", "packs": {"<id>": entry}}}
 * as the real registry serves it, with a strong ETag derived from its bytes (a new version, a new ETag).
 */
final class IndexDocument {
  final String baseUrl;
  final int packs;
  final byte[] body;
  final String etag;

  private IndexDocument(String baseUrl, int packs, byte[] body, String etag) {
    this.baseUrl = baseUrl;
    this.packs = packs;
    this.body = body;
    this.etag = etag;
  }

  /** The index of {@code packs}, whose URLs point at the stand-in at {@code baseUrl}. */
  static IndexDocument of(List<Pack> packs, String baseUrl, ObjectMapper json) {
    Map<String, Object> entries = new LinkedHashMap<>();
    for (Pack pack : packs) {
      entries.put(pack.id(), PackJson.indexEntry(pack, baseUrl));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    // the newest change in the registry, not the time of start: the same registry, the same bytes
    document.put("updated", packs.stream().map(Pack::updatedAt).max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH).toString());
    document.put("packs", entries);
    try {
      byte[] body = json.writeValueAsBytes(document);
      byte[] digest = PackContent.sha256Digest().digest(body);
      return new IndexDocument(baseUrl, packs.size(), body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot make index.json", e);
    }
  }

  /**
   * Whether an {@code If-None-Match} value names this document: {@code *}, or a list of tags one of
   * which is this ETag (compared weakly, as RFC 9110 has it for this header).
   */
  boolean matches(String ifNoneMatch) {
    return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
        .map(String::strip)
        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
  }
}
