package loadsuite.registry.standin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** Blobs as byte arrays in the heap. */
final class MemoryStorage extends Storage {
  private static final int MAX_BLOB_BYTES = 256 << 20;

  private final ConcurrentHashMap<Digest, Blob> blobs = new ConcurrentHashMap<>();

  @Override
  long maxBlobBytes() {
    return MAX_BLOB_BYTES;
  }

  @Override
  Staging stage() {
    return new Buffer();
  }

  @Override
  void publish(Staging staged, Digest digest) {
    Buffer buffer = (Buffer) staged;
    blobs.put(digest, new Blob(buffer.bytes, buffer.size));
  }

  @Override
  StoredBlob open(Digest digest) {
    return blobs.get(digest);
  }

  @Override
  void delete(Digest digest) {
    blobs.remove(digest);
  }

  @Override
  public void close() {
    blobs.clear();
  }

  @Override
  public String toString() {
    return "in memory";
  }

  /** A published blob: the upload's buffer, taken over without a copy and never written again. */
  private record Blob(byte[] bytes, int length) implements StoredBlob {
    @Override
    public long size() {
      return length;
    }

    @Override
    public void writeTo(OutputStream out, long offset, long count) throws IOException {
      out.write(bytes, (int) offset, (int) count);
    }

    @Override
    public void close() {}
  }

  /** A growing buffer. */
  private static final class Buffer implements Staging {
    private byte[] bytes = new byte[0];
    private int size;

    @Override
    public long size() {
      return size;
    }

    @Override
    public void append(InputStream body) throws IOException {
      while (true) {
        if (size == bytes.length) {
          if (size == MAX_BLOB_BYTES) {
            if (body.read() < 0) {
              return;
            }
            throw new IOException("a blob in memory cannot exceed " + MAX_BLOB_BYTES + " bytes");
          }
          bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(2L * size, size + 64 * 1024L), MAX_BLOB_BYTES));
        }
        int n = body.read(bytes, size, bytes.length - size);
        if (n < 0) {
          return;
        }
        size += n;
      }
    }

    @Override
    public InputStream content() {
      return new ByteArrayInputStream(bytes, 0, size);
    }

    @Override
    public void discard() {
      bytes = new byte[0];
      size = 0;
    }
  }
}
