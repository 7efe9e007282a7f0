package loadsuite.nebulagc.standin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The real server's check of a config bundle: a gzip of a tar archive that holds at least the
 * five files a Nebula node needs, by their exact names. It does not parse config.yml as YAML, as
 * the real server does. Long names (GNU, pax) are not resolved: they read as their 100-character
 * prefix, which no required file needs.
 */
final class BundleArchive {
  static final List<String> REQUIRED_FILES = List.of("config.yml", "ca.crt", "crl.pem", "host.crt", "host.key");
  private static final int BLOCK = 512;
  /** A bound on what a bundle may expand to, so that a gzip bomb costs a second rather than minutes. */
  private static final long MAX_EXPANDED_BYTES = 256L << 20;

  private BundleArchive() {}

  /**
   * Throws the API's 400 unless {@code data} is such a bundle (the real server wraps that error and
   * answers 500, a defect). Each entry adds at least a block, so the loop ends.
   */
  static void validate(byte[] data) {
    Set<String> files = new HashSet<>();
    try (InputStream tar = new GZIPInputStream(new ByteArrayInputStream(data))) {
      long expanded = 0;
      byte[] header = new byte[BLOCK];
      while (true) {
        if (tar.readNBytes(header, 0, BLOCK) < BLOCK) {
          throw invalidFormat("the archive ends inside a header");
        }
        if (isZero(header)) {
          break;
        }
        if (checksum(header) != octal(header, 148, 8)) {
          throw invalidFormat("a tar header's checksum is wrong");
        }
        long size = octal(header, 124, 12);
        if (isFile(header[156])) {
          files.add(name(header));
        }
        long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
        expanded += BLOCK + padded;
        if (expanded > MAX_EXPANDED_BYTES) {
          throw invalidFormat("the archive expands beyond " + (MAX_EXPANDED_BYTES >> 20) + " MiB");
        }
        tar.skipNBytes(padded);
      }
    } catch (IOException e) {
      throw invalidFormat(e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ApiError(400, "invalid_format", "bundle contains no files");
    }
    for (String required : REQUIRED_FILES) {
      if (!files.contains(required)) {
        throw new ApiError(400, "missing_required_file", "bundle is missing required file: " + required);
      }
    }
  }

  private static ApiError invalidFormat(String detail) {
    return new ApiError(400, "invalid_format", "bundle is not a valid gzip tar archive: " + detail);
  }

  /** Regular files count; directories, links and the metadata entries of pax and GNU tar do not. */
  private static boolean isFile(byte type) {
    return type == '0' || type == 0 || type == '7';
  }

  /** The ustar name: prefix (if any) and name, each NUL-terminated. */
  private static String name(byte[] header) {
    String name = text(header, 0, 100);
    boolean ustar = "ustar".equals(text(header, 257, 5));
    String prefix = ustar ? text(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** A numeric field: octal digits between optional spaces and NULs. Base-256 sizes (over 8 GiB) are refused. */
  private static long octal(byte[] header, int offset, int length) throws IOException {
    String digits = text(header, offset, length).trim();
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '7') || digits.length() > 21) {
      throw new IOException("a tar header has a bad numeric field");
    }
    return Long.parseLong(digits, 8);
  }

  /** The sum of the header's bytes, with the checksum field counted as spaces. */
  private static long checksum(byte[] header) {
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
    }
    return sum;
  }

  private static boolean isZero(byte[] header) {
    for (byte b : header) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
