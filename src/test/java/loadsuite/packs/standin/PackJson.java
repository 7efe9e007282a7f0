package loadsuite.packs.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of a pack: its entry of {@code index.json}, in the real index's fields, and the
 * answer of {@code GET /marketplace/packages/{id}}, which adds what the store knows besides.
 *
 * <p>The stand-in serves no git: a version's {@code git_url} is its download route (the content
 * whose SHA-256 the entry gives), its {@code manifest_url} the pack's show route.
 */
final class PackJson {
  private PackJson() {}

  static Map<String, Object> indexEntry(Pack pack, String baseUrl) {
    return entry(pack, baseUrl, false);
  }

  static Map<String, Object> show(Pack pack, String baseUrl) {
    Map<String, Object> shown = entry(pack, baseUrl, true);
    shown.put("rating", pack.listing().rating());
    shown.put("price", pack.listing().price());
    shown.put("created_at", pack.createdAt().toString());
    shown.put("updated_at", pack.updatedAt().toString());
    return shown;
  }

  private static Map<String, Object> entry(Pack pack, String baseUrl, boolean withSizes) {
    Pack.Listing listing = pack.listing();
    Map<String, Object> versions = new LinkedHashMap<>();
    for (Pack.Version v : pack.versions()) {
      Map<String, Object> version = new LinkedHashMap<>();
      version.put("version", v.version());
      String packUrl = baseUrl + "/marketplace/packages/" + pack.id();
      version.put("git_url", packUrl + "/" + v.version() + "/download");
      version.put("git_rev", v.gitRev());
      version.put("manifest_url", packUrl);
      version.put("sha256", v.sha256());
      if (withSizes) {
        version.put("size", v.size());
        version.put("published_at", v.publishedAt().toString());
      }
      versions.put(v.version(), version);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", listing.id());
    entry.put("name", listing.name());
    entry.put("description", listing.description());
    entry.put("tags", List.copyOf(pack.tags()));
    entry.put("keywords", List.copyOf(pack.keywords()));
    entry.put("category", pack.category());
    entry.put("author", listing.author());
    entry.put("latest_version", listing.version());
    entry.put("versions", versions);
    entry.put("downloads", listing.downloads());
    entry.put("license", listing.license());
    return entry;
  }
}
