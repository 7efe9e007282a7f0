package loadsuite.packs.standin;

import java.time.Instant;
import java.util.List;

/**
 * One pack of the registry, as the store holds it: its listing (what a search answers), what
 * the index adds to it, and its versions, oldest first.
 */
record Pack(Listing listing, String category, List<String> tags, List<String> keywords, List<Version> versions,
    Instant createdAt, Instant updatedAt) {

  /** A search result of the marketplace API, field for field; {@code version} is the latest one. */
  record Listing(String id, String name, String version, String author, String description, long downloads,
      double price, String license, double rating) {}

  /** One published version: its content is {@code size} bytes whose SHA-256 is {@code sha256}. */
  record Version(String version, String gitRev, String sha256, long size, Instant publishedAt) {}

  String id() {
    return listing.id();
  }
}
