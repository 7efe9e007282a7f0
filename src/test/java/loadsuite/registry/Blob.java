package loadsuite.registry;

import java.util.Random;

/** Content a load test pushes or expects to pull, with its digest computed once. */
record Blob(byte[] content, String digest) {
  static Blob of(byte[] content) {
    return new Blob(content, Digest.of(Digest.SHA256, content).toString());
  }

  private static final long SEED = 0;

  /** {@code size} random bytes, the same in every run. */
  static Blob generate(long size) {
    return random(new Random(SEED), size);
  }

  /** {@code size} random bytes, the same for the same {@code random} seed: runs are reproducible. */
  static Blob random(Random random, long size) {
    byte[] content = new byte[Math.toIntExact(size)];
    random.nextBytes(content);
    return of(content);
  }

  long size() {
    return content.length;
  }

  /** A size as a person reads it: 1 MiB, 256 KiB, 300 bytes. */
  static String sizeText(long bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    return bytes % 1024 == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
  }
}
