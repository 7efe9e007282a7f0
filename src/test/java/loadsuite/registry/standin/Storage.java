package loadsuite.registry.standin;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the stand-in keeps blob content: in memory, or in a temporary folder. Content is first
 * staged (an upload in progress), then published under its digest once {@link BlobStore} has
 * verified it, so nothing is served that was not completely written and verified.
 */
public abstract sealed class Storage implements AutoCloseable permits MemoryStorage, DirectoryStorage {
  /** Blobs in the heap, up to 256 MiB each. */
  public static Storage memory() {
    return new MemoryStorage();
  }

  /** Blobs in a new folder under {@code parent}, up to 1 GiB each; the folder is deleted on close. */
  public static Storage directory(Path parent) {
    try {
      return new DirectoryStorage(Files.createTempDirectory(parent, "registry-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a storage folder under " + parent, e);
    }
  }

  /** The largest blob this storage takes; a bigger upload gets 413. */
  abstract long maxBlobBytes();

  abstract Staging stage() throws IOException;

  /** Makes staged content the blob {@code digest}; {@link BlobStore} calls it at most once at a time per digest. */
  abstract void publish(Staging staged, Digest digest) throws IOException;

  /** The blob {@code digest}, opened for reading, or null when there is none. */
  abstract StoredBlob open(Digest digest) throws IOException;

  abstract void delete(Digest digest) throws IOException;

  /** Frees everything; the stand-in is stopped. */
  @Override
  public abstract void close();

  /** Content being uploaded, not visible to readers. */
  interface Staging {
    long size();

    /** Appends {@code body} to its end (the caller bounds it). */
    void append(InputStream body) throws IOException;

    InputStream content() throws IOException;

    /** Drops the content; harmless after publish. */
    void discard();
  }

  /** A published blob, open for reading until closed. */
  interface StoredBlob extends Closeable {
    long size();

    void writeTo(OutputStream out, long offset, long length) throws IOException;
  }
}
