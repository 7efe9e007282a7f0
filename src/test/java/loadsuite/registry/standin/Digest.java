package loadsuite.registry.standin;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/** A content digest {@code algorithm:hex}; only sha256 and sha512 are accepted, as lowercase hex. */
record Digest(String algorithm, String hex) {
  static final String SHA256 = "sha256";
  private static final Map<String, Pattern> HEX_BY_ALGORITHM = Map.of(
      SHA256, Pattern.compile("[0-9a-f]{64}"),
      "sha512", Pattern.compile("[0-9a-f]{128}"));

  /** Parses {@code text} or throws 400 {@code DIGEST_INVALID}. */
  static Digest parse(String text) {
    int colon = text.indexOf(':');
    Pattern hex = colon < 0 ? null : HEX_BY_ALGORITHM.get(text.substring(0, colon));
    if (hex == null) {
      throw new RegistryError(400, RegistryError.Code.DIGEST_INVALID,
          "'" + text + "' is not a digest: expected sha256:<64 hex> or sha512:<128 hex>");
    }
    if (!hex.matcher(text).region(colon + 1, text.length()).matches()) {
      throw new RegistryError(400, RegistryError.Code.DIGEST_INVALID,
          "'" + text + "' is not a digest: the hex part must be lowercase and of the algorithm's length");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  static Digest of(String algorithm, byte[] content) {
    return new Digest(algorithm, HexFormat.of().formatHex(messageDigest(algorithm).digest(content)));
  }

  /** The digest of {@code content}, read to its end. */
  static Digest of(String algorithm, InputStream content) throws IOException {
    MessageDigest md = messageDigest(algorithm);
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = content.read(buffer)) > 0; ) {
      md.update(buffer, 0, n);
    }
    return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals(SHA256) ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256 and SHA-512", e);
    }
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
