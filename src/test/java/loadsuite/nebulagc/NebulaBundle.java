package loadsuite.nebulagc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A config bundle as the server takes it: a gzip of a ustar archive holding the five files a Nebula
 * node needs ({@code config.yml}, {@code ca.crt}, {@code crl.pem}, {@code host.crt},
 * {@code host.key}) and a file of random bytes that brings it to the size a workload asks for. The
 * gzip stores its data uncompressed, so the size is what is sent; each seed gives other bytes, so
 * that successive uploads are distinct bundles.
 */
final class NebulaBundle {
  private static final int BLOCK = 512;
  /** What the archive costs besides the padding's bytes: six headers, five small files, the end blocks. */
  private static final int OVERHEAD = 13 * BLOCK;
  /** The server's limit on a bundle. */
  static final long MAX_SIZE = 10 << 20;

  private NebulaBundle() {}

  /**
   * A bundle of {@code size} bytes within a tar block (512 bytes), and at least the archive's own
   * few KiB: built once with a padding estimated from the archive's overhead, then once more with
   * the padding corrected by what the first came to.
   */
  static byte[] generate(long size, long seed) {
    if (size > MAX_SIZE) {
      throw new IllegalArgumentException("a bundle of " + size + " bytes is beyond what the server takes (10 MiB)");
    }
    int padding = (int) Math.max(0, size - OVERHEAD);
    byte[] first = build(padding, seed);
    int corrected = (int) Math.max(0, padding + size - first.length);
    return corrected == padding ? first : build(corrected, seed);
  }

  private static byte[] build(int paddingBytes, long seed) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("config.yml", ("pki:\n  ca: /etc/nebula/ca.crt\n  cert: /etc/nebula/host.crt\n  key: /etc/nebula/host.key\n"
        + "# load-suite bundle " + seed + "\n").getBytes(StandardCharsets.UTF_8));
    files.put("ca.crt", text("CERTIFICATE", seed));
    files.put("crl.pem", text("X509 CRL", seed));
    files.put("host.crt", text("CERTIFICATE", seed + 1));
    files.put("host.key", text("PRIVATE KEY", seed + 2));
    byte[] padding = new byte[paddingBytes];
    new Random(seed).nextBytes(padding);
    files.put("padding.bin", padding);
    return gzipStored(tar(files));
  }

  private static byte[] text(String kind, long seed) {
    return ("-----BEGIN " + kind + "-----\nbG9hZC1zdWl0ZQ" + Long.toHexString(seed) + "\n-----END " + kind + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] tar(Map<String, byte[]> files) {
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    files.forEach((name, content) -> {
      archive.writeBytes(header(name, content.length));
      archive.writeBytes(content);
      archive.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
    });
    archive.writeBytes(new byte[2 * BLOCK]);
    return archive.toByteArray();
  }

  /** The ustar header of a regular file: name, mode, sizes in octal, type '0', magic, and its checksum. */
  private static byte[] header(String name, int length) {
    byte[] block = new byte[BLOCK];
    String[][] fields = {{"0", name}, {"100", "0000644"}, {"108", "0001750"}, {"116", "0001750"},
        {"124", String.format("%011o", length)}, {"136", "00000000000"}, {"257", "ustar"}, {"263", "00"}};
    for (String[] field : fields) {
      byte[] value = field[1].getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(value, 0, block, Integer.parseInt(field[0]), value.length);
    }
    block[156] = '0';
    java.util.Arrays.fill(block, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : block) {
      sum += b & 0xff;
    }
    byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(checksum, 0, block, 148, checksum.length);
    return block;
  }

  /** A gzip member of {@code data} in stored (uncompressed) deflate blocks. */
  private static byte[] gzipStored(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 8192 + 64);
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 255});
    Deflater deflater = new Deflater(Deflater.NO_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      byte[] buffer = new byte[1 << 16];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(data);
    writeIntLittleEndian(out, (int) crc.getValue());
    writeIntLittleEndian(out, data.length);
    return out.toByteArray();
  }

  private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
  }
}
