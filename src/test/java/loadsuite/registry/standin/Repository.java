package loadsuite.registry.standin;

import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The manifests and tags of one repository. Writes are serialised; reads are not. */
final class Repository {
  /** A manifest as pushed: its media type, exact bytes and sha256 digest. */
  record Manifest(String mediaType, byte[] content, Digest digest) {}

  /** By sha256 digest, and also by the digest it was pushed by when that used another algorithm. */
  private final Map<Digest, Manifest> manifests = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<String, Digest> tags = new ConcurrentSkipListMap<>();

  /** Stores {@code manifest} under its digest, {@code pushedBy} (a digest, or null) and {@code tag} (or null). */
  synchronized void put(Manifest manifest, Digest pushedBy, String tag) {
    manifests.put(manifest.digest(), manifest);
    if (pushedBy != null) {
      manifests.put(pushedBy, manifest);
    }
    if (tag != null) {
      tags.put(tag, manifest.digest());
    }
  }

  Manifest byDigest(Digest digest) {
    return manifests.get(digest);
  }

  Manifest byTag(String tag) {
    Digest digest = tags.get(tag);
    return digest == null ? null : manifests.get(digest);
  }

  /** Deletes the manifest and every tag pointing to it; false when there is none. */
  synchronized boolean delete(Digest digest) {
    Manifest manifest = manifests.get(digest);
    if (manifest == null) {
      return false;
    }
    manifests.values().removeIf(stored -> stored.digest().equals(manifest.digest()));
    tags.values().removeIf(manifest.digest()::equals);
    return true;
  }

  /** Removes the tag only: the manifest stays reachable by digest. */
  synchronized boolean untag(String tag) {
    return tags.remove(tag) != null;
  }

  NavigableSet<String> tags() {
    return tags.navigableKeySet();
  }
}
