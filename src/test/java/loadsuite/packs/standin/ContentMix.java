package loadsuite.packs.standin;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How many packs of each of the seed's benchmark fixtures the registry holds, as shares (weights,
 * not percentages): {@code new ContentMix(80, 19, 1, 0)} makes about 80 % minimal packs.
 */
public record ContentMix(int minimal, int medium, int complex, int mega) {
  /** Mostly small packs and no mega pack, so that the digests computed at start take little time. */
  public static final ContentMix DEFAULT = new ContentMix(80, 19, 1, 0);

  /** The seed's fixtures ({@code benchmarks/fixtures/packs.toml}) by the size of their content. */
  enum Fixture {
    MINIMAL(10L << 10), MEDIUM(500L << 10), COMPLEX(5L << 20), MEGA(50L << 20);

    final long bytes;

    Fixture(long bytes) {
      this.bytes = bytes;
    }
  }

  public ContentMix {
    if (minimal < 0 || medium < 0 || complex < 0 || mega < 0 || (long) minimal + medium + complex + mega == 0) {
      throw new IllegalArgumentException("content mix " + this + ": shares must be 0 or more and not all 0");
    }
  }

  /**
   * Reads {@code minimal=80,medium=19,complex=1,mega=0}; a fixture left out has share 0.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ContentMix parse(String text) {
    int[] shares = new int[Fixture.values().length];
    for (String part : text.split(",")) {
      String[] pair = part.split("=", 2);
      try {
        Fixture fixture = Fixture.valueOf(pair[0].trim().toUpperCase(Locale.ROOT));
        shares[fixture.ordinal()] = Integer.parseInt(pair[1].trim());
      } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
        throw new IllegalArgumentException("'" + part.trim()
            + "' is not FIXTURE=SHARE (fixtures minimal, medium, complex, mega; shares whole numbers)");
      }
    }
    return new ContentMix(shares[0], shares[1], shares[2], shares[3]);
  }

  /** Draws a fixture with the probabilities the shares give. */
  Fixture pick(SplittableRandom random) {
    long draw = random.nextLong((long) minimal + medium + complex + mega);
    if (draw < minimal) {
      return Fixture.MINIMAL;
    }
    if (draw < (long) minimal + medium) {
      return Fixture.MEDIUM;
    }
    return draw < (long) minimal + medium + complex ? Fixture.COMPLEX : Fixture.MEGA;
  }

  @Override
  public String toString() {
    return "minimal=" + minimal + ",medium=" + medium + ",complex=" + complex + ",mega=" + mega;
  }
}
