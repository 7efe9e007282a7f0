package loadsuite.registry.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs by digest, each linked to the repositories that pushed or mounted it: a blob is visible
 * in a repository only once linked there, as in real registries. Content is stored once per
 * digest and freed when its last link goes. Changes of one digest run inside
 * {@link ConcurrentHashMap#compute}, so racing uploads of the same blob both succeed and store
 * it once.
 */
final class BlobStore {
  private final Storage storage;
  private final RegistryStandIn.BlobScope scope;
  private final ConcurrentHashMap<Digest, Set<String>> repositoriesByDigest = new ConcurrentHashMap<>();

  BlobStore(Storage storage, RegistryStandIn.BlobScope scope) {
    this.storage = storage;
    this.scope = scope;
  }

  long maxBlobBytes() {
    return storage.maxBlobBytes();
  }

  Storage.Staging stage() throws IOException {
    return storage.stage();
  }

  /** Stages {@code body}, then commits it as {@link #commit} does. */
  void put(String repository, Digest digest, InputStream body) throws IOException {
    Storage.Staging staged = storage.stage();
    try {
      staged.append(body);
    } catch (IOException | RuntimeException e) {
      staged.discard();
      throw e;
    }
    commit(repository, staged, digest);
  }

  /**
   * Publishes staged content as blob {@code digest} of {@code repository} once it is verified
   * to have that digest (400 {@code DIGEST_INVALID} if not). Takes the staging over: it is
   * published or discarded.
   */
  void commit(String repository, Storage.Staging staged, Digest digest) throws IOException {
    try {
      Digest actual;
      try (InputStream content = staged.content()) {
        actual = Digest.of(digest.algorithm(), content);
      }
      if (!actual.equals(digest)) {
        throw new RegistryError(400, RegistryError.Code.DIGEST_INVALID,
            "the uploaded content has digest " + actual + ", not " + digest);
      }
      repositoriesByDigest.compute(digest, (d, repositories) -> {
        if (repositories == null) {
          publish(staged, d);
          repositories = ConcurrentHashMap.newKeySet();
        }
        repositories.add(repository);
        return repositories;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      staged.discard();
    }
  }

  /** Links blob {@code digest} of {@code from} to {@code to}; false when {@code from} has no such blob. */
  boolean mount(String from, String to, Digest digest) {
    Set<String> repositories = repositoriesByDigest.computeIfPresent(digest, (d, linked) -> {
      if (visible(linked, from)) {
        linked.add(to);
      }
      return linked;
    });
    return repositories != null && repositories.contains(to);
  }

  boolean contains(String repository, Digest digest) {
    Set<String> repositories = repositoriesByDigest.get(digest);
    return repositories != null && visible(repositories, repository);
  }

  boolean global() {
    return scope == RegistryStandIn.BlobScope.GLOBAL;
  }

  private boolean visible(Set<String> linked, String repository) {
    return global() ? !linked.isEmpty() : linked.contains(repository);
  }

  /** The blob opened for reading, or null when {@code repository} has none with that digest. */
  Storage.StoredBlob open(String repository, Digest digest) throws IOException {
    return contains(repository, digest) ? storage.open(digest) : null;
  }

  /** Unlinks the blob from {@code repository}; false when it was not linked there. */
  boolean delete(String repository, Digest digest) throws IOException {
    boolean[] unlinked = {false};
    try {
      repositoriesByDigest.computeIfPresent(digest, (d, repositories) -> {
        unlinked[0] = repositories.remove(repository);
        if (!repositories.isEmpty()) {
          return repositories;
        }
        try {
          storage.delete(d);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return unlinked[0];
  }

  /** How many distinct blobs are stored. */
  int count() {
    return repositoriesByDigest.size();
  }

  private void publish(Storage.Staging staged, Digest digest) {
    try {
      storage.publish(staged, digest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
