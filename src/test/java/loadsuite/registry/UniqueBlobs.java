package loadsuite.registry;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import loadsuite.oci.Blob;

/**
 * Blobs of a template's size, each with content no registry has seen: the template's bytes with the
 * last {@link #MARK} replaced by a number drawn once per JVM (runs and injectors never meet) and a
 * counter. The digest continues from the template's hashed head, so a new blob costs a copy, not a
 * hash of the whole.
 */
final class UniqueBlobs {
  static final int MARK = 16;
  private static final long JVM = new SecureRandom().nextLong();
  private static final AtomicLong NEXT = new AtomicLong();

  private final byte[] template;
  private final MessageDigest head;

  UniqueBlobs(Blob template) {
    if (template.size() < MARK) {
      throw new IllegalArgumentException("a unique blob needs at least " + MARK + " bytes, not " + template.size());
    }
    this.template = template.content();
    try {
      head = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    head.update(this.template, 0, this.template.length - MARK);
  }

  Blob next() {
    byte[] content = Arrays.copyOf(template, template.length);
    int mark = content.length - MARK;
    ByteBuffer.wrap(content, mark, MARK).putLong(JVM).putLong(NEXT.incrementAndGet());
    try {
      MessageDigest digest = (MessageDigest) head.clone();
      digest.update(content, mark, MARK);
      return new Blob(content, "sha256:" + HexFormat.of().formatHex(digest.digest()));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }
}
