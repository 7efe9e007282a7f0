package loadsuite.packs.standin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * The content of a pack version: pseudo-random bytes drawn from a seed, served as
 * {@code application/gzip} although they are no gzip stream (clients check the length and the
 * SHA-256, which is all the load tests need). Made again chunk by chunk for every download, so that
 * no content is held in memory; its digest is computed once, at start.
 */
final class PackContent {
  private static final int CHUNK_BYTES = 64 << 10;

  private PackContent() {}

  /** The seed of one version's content: the same registry seed, pack and version give the same bytes. */
  static long seed(long registrySeed, String id, String version) {
    return registrySeed * 0x9E3779B97F4A7C15L + (id + "@" + version).hashCode();
  }

  static String sha256(long seed, long size) {
    MessageDigest digest = sha256Digest();
    forEachChunk(seed, size, digest::update);
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static void write(long seed, long size, OutputStream out) throws IOException {
    forEachChunk(seed, size, out::write);
  }

  private interface ChunkSink<E extends Exception> {
    void accept(byte[] chunk, int offset, int length) throws E;
  }

  private static <E extends Exception> void forEachChunk(long seed, long size, ChunkSink<E> sink) throws E {
    SplittableRandom random = new SplittableRandom(seed);
    // whole longs are drawn, also for the last bytes: the content is the stream's first size bytes
    byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, (size + Long.BYTES - 1) / Long.BYTES * Long.BYTES)];
    ByteBuffer longs = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    for (long done = 0; done < size; done += chunk.length) {
      longs.clear();
      while (longs.hasRemaining()) {
        longs.putLong(random.nextLong());
      }
      sink.accept(chunk, 0, (int) Math.min(chunk.length, size - done));
    }
  }
}
