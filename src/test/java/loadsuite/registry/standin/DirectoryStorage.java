package loadsuite.registry.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Blobs as files {@code blobs/<algorithm>/<hex>} of a folder; uploads are files of {@code uploads/}. */
final class DirectoryStorage extends Storage {
  private static final long MAX_BLOB_BYTES = 1L << 30;

  private final Path root;
  private final Path uploads;

  DirectoryStorage(Path root) throws IOException {
    this.root = root;
    this.uploads = Files.createDirectories(root.resolve("uploads"));
    Files.createDirectories(root.resolve("blobs"));
  }

  @Override
  long maxBlobBytes() {
    return MAX_BLOB_BYTES;
  }

  @Override
  Staging stage() throws IOException {
    return new TempFile(Files.createFile(uploads.resolve(UUID.randomUUID().toString())));
  }

  /** A rename within one file system: readers see no blob or the whole blob. */
  @Override
  void publish(Staging staged, Digest digest) throws IOException {
    Path target = blobPath(digest);
    Files.createDirectories(target.getParent());
    Files.move(((TempFile) staged).path, target, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  StoredBlob open(Digest digest) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(blobPath(digest), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    return new OpenFile(channel, channel.size());
  }

  /** An open reader keeps reading the deleted file: its content stays until it is closed. */
  @Override
  void delete(Digest digest) throws IOException {
    Files.deleteIfExists(blobPath(digest));
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary folder is not worth failing the run for
    }
  }

  @Override
  public String toString() {
    return "in " + root;
  }

  private Path blobPath(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  private static final class TempFile implements Staging {
    private final Path path;
    private long size;

    TempFile(Path path) {
      this.path = path;
    }

    @Override
    public long size() {
      return size;
    }

    /** Counts what reached the file, so that a body broken off midway leaves a size that matches it. */
    @Override
    public void append(InputStream body) throws IOException {
      try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = body.read(buffer)) >= 0; size += n) {
          out.write(buffer, 0, n);
        }
      }
    }

    @Override
    public InputStream content() throws IOException {
      return Files.newInputStream(path);
    }

    @Override
    public void discard() {
      path.toFile().delete();
    }
  }

  private record OpenFile(FileChannel channel, long size) implements StoredBlob {
    @Override
    public void writeTo(OutputStream out, long offset, long length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      for (long position = offset, end = offset + length; position < end; ) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new IOException("blob file shorter than its size");
        }
        out.write(buffer.array(), 0, n);
        position += n;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
