package loadsuite.registry.standin;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The open upload sessions, by id. Bounded: at most {@link #MAX_SESSIONS} at once (more get 429)
 * and a session idle for {@link #IDLE_EXPIRY_MINUTES} minutes is dropped with its content.
 */
final class Uploads {
  static final int MAX_SESSIONS = 1000;
  static final long IDLE_EXPIRY_MINUTES = 10;

  private final BlobStore blobs;
  private final ConcurrentHashMap<String, Upload> sessions = new ConcurrentHashMap<>();

  Uploads(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** One session: its content so far, used by one request at a time. */
  static final class Upload {
    final String id = UUID.randomUUID().toString();
    final String repository;
    final Storage.Staging content;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastUsedNanos = System.nanoTime();
    private boolean ended;

    private Upload(String repository, Storage.Staging content) {
      this.repository = repository;
      this.content = content;
    }
  }

  @FunctionalInterface
  interface Step {
    void run(Upload upload) throws IOException;
  }

  Upload open(String repository) throws IOException {
    dropExpired();
    if (sessions.size() >= MAX_SESSIONS) {
      throw new RegistryError(429, RegistryError.Code.TOOMANYREQUESTS,
          MAX_SESSIONS + " uploads are open: finish or cancel some");
    }
    Upload upload = new Upload(repository, blobs.stage());
    sessions.put(upload.id, upload);
    return upload;
  }

  /** Runs {@code step} on upload {@code id} of {@code repository}, alone; 404 {@code BLOB_UPLOAD_UNKNOWN} if there is none. */
  void use(String repository, String id, Step step) throws IOException {
    Upload upload = sessions.get(id);
    if (upload == null || !upload.repository.equals(repository)) {
      throw unknown(id);
    }
    upload.lock.lock();
    try {
      if (upload.ended) {
        throw unknown(id);
      }
      step.run(upload);
    } finally {
      upload.lastUsedNanos = System.nanoTime();
      upload.lock.unlock();
    }
  }

  /** Ends the session (from within {@link #use}); its content is then the caller's to commit or discard. */
  void end(Upload upload) {
    upload.ended = true;
    sessions.remove(upload.id);
  }

  /** Drops every session and its content: the stand-in is stopped. */
  void close() {
    sessions.values().forEach(Uploads::drop);
  }

  private void dropExpired() {
    long now = System.nanoTime();
    sessions.values().removeIf(upload ->
        now - upload.lastUsedNanos > TimeUnit.MINUTES.toNanos(IDLE_EXPIRY_MINUTES) && drop(upload));
  }

  /** Ends and discards a session unless a request is using it. */
  private static boolean drop(Upload upload) {
    if (!upload.lock.tryLock()) {
      return false;
    }
    try {
      upload.ended = true;
      upload.content.discard();
      return true;
    } finally {
      upload.lock.unlock();
    }
  }

  private static RegistryError unknown(String id) {
    return new RegistryError(404, RegistryError.Code.BLOB_UPLOAD_UNKNOWN, "no upload " + id + " in progress here");
  }
}
