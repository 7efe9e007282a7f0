package loadsuite.packs.standin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Makes a registry from a seed: the same seed, size and mix give the same packs, down to their
 * content digests. Ids follow the real index ({@code io.ggen.rust.secure-api}); times lie in the
 * two years after 2024-01-01, never at the clock's now, so that the index does not change between runs.
 */
final class PackGenerator {
  /** Category ids, with the word they put in pack names. */
  static final List<String> CATEGORIES =
      List.of("rust", "typescript", "python", "go", "java", "web", "database", "devops", "ml", "security");
  private static final List<String> CATEGORY_WORDS =
      List.of("Rust", "TypeScript", "Python", "Go", "Java", "Web", "Database", "DevOps", "ML", "Security");
  private static final List<String> ADJECTIVES = List.of("minimal", "startup", "secure", "async", "typed",
      "reactive", "modular", "lean", "cloud", "edge", "robust", "rapid");
  private static final List<String> NOUNS = List.of("api", "cli", "service", "microservice", "scaffold",
      "starter", "toolkit", "pipeline", "dashboard", "worker", "gateway", "library", "plugin", "schema");
  private static final List<String> FEATURES = List.of("tracing", "docker", "ci", "auth", "graphql", "grpc",
      "openapi", "postgres", "redis", "kafka", "kubernetes", "observability", "caching", "sparql", "rdf",
      "templates", "testing", "migrations");
  private static final List<String> AUTHORS = List.of("ggen-team", "acme-labs", "rustacean", "devtools-inc",
      "cloudsmith", "data-forge", "opensource-co", "jdoe", "asmith", "kwong");
  private static final List<String> LICENSES = List.of("MIT", "Apache-2.0", "BSD-3-Clause", "MPL-2.0");
  private static final List<Double> PRICES = List.of(4.99, 9.99, 19.99, 49.99);
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();

  private final long seed;
  private final ContentMix mix;

  PackGenerator(long seed, ContentMix mix) {
    this.seed = seed;
    this.mix = mix;
  }

  /** {@code size} packs, with the digests of all their versions' content (computed on all cores). */
  List<Pack> generate(int size) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> ids = new HashSet<>();
    List<Pack> drafts = IntStream.range(0, size).mapToObj(i -> draft(random, ids)).toList();
    return drafts.parallelStream().map(this::withDigests).toList();
  }

  /** A pack whose versions have their size but no digest yet. */
  private Pack draft(SplittableRandom random, Set<String> ids) {
    int category = random.nextInt(CATEGORIES.size());
    String adjective = pick(random, ADJECTIVES);
    String noun = pick(random, NOUNS);
    String id = uniqueId("io.ggen." + CATEGORIES.get(category) + "." + adjective + "-" + noun, ids);
    String name = capitalize(adjective) + " " + CATEGORY_WORDS.get(category) + " " + capitalize(noun);
    List<String> features = distinct(random, FEATURES, 2 + random.nextInt(3));
    String article = "aeiou".indexOf(adjective.charAt(0)) >= 0 ? "An " : "A ";
    String description = article + adjective + " " + CATEGORY_WORDS.get(category) + " " + noun + " with "
        + String.join(", ", features) + ".";
    List<String> tags = new ArrayList<>(List.of(CATEGORIES.get(category), noun));
    tags.addAll(features.subList(0, 1 + random.nextInt(features.size())));
    List<String> keywords = distinct(random, FEATURES, 2 + random.nextInt(3));
    long size = mix.pick(random).bytes;
    Instant createdAt = EPOCH.plusSeconds(random.nextLong(SPAN_SECONDS / 2));
    List<Pack.Version> versions = versions(random, size, createdAt);
    Instant updatedAt = versions.get(versions.size() - 1).publishedAt();
    double price = random.nextInt(100) < 85 ? 0.0 : pick(random, PRICES);
    double rating = Math.round((1 + 4 * Math.sqrt(random.nextDouble())) * 10) / 10.0;
    // heavy-tailed, as downloads are: most packs have few, some very many
    long downloads = (long) Math.exp(random.nextDouble() * 13);
    Pack.Listing listing = new Pack.Listing(id, name, versions.get(versions.size() - 1).version(),
        pick(random, AUTHORS), description, downloads, price, pick(random, LICENSES), rating);
    return new Pack(listing, CATEGORIES.get(category), List.copyOf(tags), keywords, versions, createdAt, updatedAt);
  }

  /** One to four versions, ascending (patch or minor bumps), published days apart from creation on. */
  private static List<Pack.Version> versions(SplittableRandom random, long size, Instant createdAt) {
    int count = 1 + random.nextInt(4);
    int major = random.nextInt(2);
    int minor = major == 0 ? 1 : 0;
    int patch = 0;
    Instant published = createdAt;
    List<Pack.Version> versions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        boolean minorBump = random.nextBoolean();
        minor += minorBump ? 1 : 0;
        patch = minorBump ? 0 : patch + 1;
        published = published.plusSeconds(3600 + random.nextLong(Duration.ofDays(60).toSeconds()));
      }
      versions.add(new Pack.Version(major + "." + minor + "." + patch, gitRev(random), null, size, published));
    }
    return versions;
  }

  /** A git revision: 40 hex digits. */
  static String gitRev(SplittableRandom random) {
    return String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
  }

  private Pack withDigests(Pack draft) {
    List<Pack.Version> versions = draft.versions().stream()
        .map(v -> new Pack.Version(v.version(), v.gitRev(),
            PackContent.sha256(PackContent.seed(seed, draft.id(), v.version()), v.size()), v.size(), v.publishedAt()))
        .toList();
    return new Pack(draft.listing(), draft.category(), draft.tags(), draft.keywords(), versions,
        draft.createdAt(), draft.updatedAt());
  }

  private static String uniqueId(String base, Set<String> ids) {
    String id = base;
    for (int n = 2; !ids.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  /** {@code count} different words: the first steps of a Fisher-Yates shuffle. */
  private static List<String> distinct(SplittableRandom random, List<String> from, int count) {
    List<String> words = new ArrayList<>(from);
    for (int i = 0; i < count; i++) {
      Collections.swap(words, i, i + random.nextInt(words.size() - i));
    }
    return List.copyOf(words.subList(0, count));
  }

  private static <T> T pick(SplittableRandom random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String capitalize(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
