package loadsuite.nebulagc.standin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens as the real server handles them: random, at least {@link #MIN_LENGTH} characters, kept
 * only as the hex HMAC-SHA256 under the server secret, and compared in constant time.
 */
final class Tokens {
  static final int MIN_LENGTH = 41;
  /** 36 random bytes are 48 URL-safe characters. */
  private static final int RANDOM_BYTES = 36;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  Tokens(String secret) {
    key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A new token of 48 URL-safe characters. */
  static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Throws unless {@code token} is long enough to be one; {@code what} names it in the message. */
  static String requireValid(String token, String what) {
    if (token == null || token.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(what + " must have at least " + MIN_LENGTH + " characters, got "
          + (token == null ? "none" : token.length()));
    }
    return token;
  }

  /** What the database stores of {@code token}: its HMAC-SHA256 in hex. */
  String hash(String token) {
    return HexFormat.of().formatHex(macs.get().doFinal(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether two hashes are the same, compared in constant time. */
  static boolean sameHash(String computed, String stored) {
    return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
