package loadsuite.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Content pushed to or expected from a registry, with its sha256 digest computed once. */
public record Blob(byte[] content, String digest) {
  private static final long SEED = 0;

  public static Blob of(byte[] content) {
    return new Blob(content, sha256(content));
  }

  /** {@code size} random bytes, the same in every run. */
  public static Blob generate(long size) {
    return random(new Random(SEED), size);
  }

  /** {@code size} random bytes, the same for the same {@code random} seed: runs are reproducible. */
  public static Blob random(Random random, long size) {
    byte[] content = new byte[Math.toIntExact(size)];
    random.nextBytes(content);
    return of(content);
  }

  public long size() {
    return content.length;
  }

  /** {@code sha256:<hex>} of {@code content}. */
  public static String sha256(byte[] content) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A size as a person reads it: 1 MiB, 256 KiB, 300 bytes. */
  public static String sizeText(long bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
