package loadsuite.packs;

import java.util.HashMap;
import java.util.Map;

/**
 * What one user's {@code ggen} holds between its commands: its copy of {@code index.json}, with the
 * ETag it revalidates the copy with, and the version it installed of each pack. It starts with
 * every pack of the index the preparation read installed at its latest version; a virtual user's
 * own, used by its session alone, one step at a time.
 */
final class Installation {
  private final Map<String, String> installed = new HashMap<>();
  private PacksIndex index;
  private String etag;

  Installation(PacksIndex index) {
    this.index = index;
    this.etag = index.etag();
    index.packs().forEach(pack -> installed.put(pack.id(), pack.latestVersion()));
  }

  /** The ETag of the copy, which a re-read sends in {@code If-None-Match}. */
  String etag() {
    return etag;
  }

  /** The index changed (200): the new copy, and its ETag. */
  void reread(PacksIndex newer, String newEtag) {
    index = newer;
    etag = newEtag;
  }

  /**
   * An installed pack whose latest version in the copy is not the one installed, now taken as
   * installed (its update under way), or null when every installed pack is up to date. A pack the
   * user never installed is not updated.
   */
  PacksIndex.Pack takeOutdated() {
    for (PacksIndex.Pack pack : index.packs()) {
      String version = installed.get(pack.id());
      if (version != null && !version.equals(pack.latestVersion())) {
        installed.put(pack.id(), pack.latestVersion());
        return pack;
      }
    }
    return null;
  }
}
