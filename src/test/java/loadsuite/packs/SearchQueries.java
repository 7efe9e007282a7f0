package loadsuite.packs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every search the load may send, made of the registry's own vocabulary: a text (one word of a
 * pack, or two words that follow each other in it), without a category or with a category of a
 * pack that has that text, each sort order, a few page sizes, the first and the second page. Each
 * is a different question to the marketplace (and a different key of its cache); a text in its
 * pack's category finds at least that pack on the first page.
 */
final class SearchQueries {
  /** The marketplace's sort orders ({@code sort_by}). */
  static final List<String> SORT_ORDERS = List.of("relevance", "downloads", "rating", "updated", "name");
  static final List<Integer> LIMITS = List.of(10, 20, 50);
  static final int PAGES = 2;
  private static final int VARIANTS = SORT_ORDERS.size() * LIMITS.size() * PAGES;

  /** One search: {@code POST /marketplace/search?query=&limit=&offset=&category=&sort_by=}. */
  record Query(String text, String category, String sortBy, int limit, int offset) {
    /** The query string, encoded; no category when it is null. */
    String queryString() {
      return "query=" + encode(text) + "&limit=" + limit + "&offset=" + offset
          + (category == null ? "" : "&category=" + encode(category)) + "&sort_by=" + sortBy;
    }

    boolean firstPage() {
      return offset == 0;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  /** A text and the category it is asked in, or null for all categories. */
  private record Base(String text, String category) {}

  private final List<Base> bases;

  private SearchQueries(List<Base> bases) {
    this.bases = List.copyOf(bases);
  }

  /** The searches over the words of {@code index}'s packs. */
  static SearchQueries of(PacksIndex index) {
    Set<Base> bases = new LinkedHashSet<>();
    for (PacksIndex.Pack pack : index.packs()) {
      List<String> words = pack.words();
      List<String> texts = new ArrayList<>(words);
      for (int i = 0; i + 1 < words.size(); i++) {
        texts.add(words.get(i) + " " + words.get(i + 1));
      }
      for (String text : texts) {
        bases.add(new Base(text, null));
        if (!pack.category().isEmpty()) {
          bases.add(new Base(text, pack.category()));
        }
      }
    }
    return new SearchQueries(new ArrayList<>(bases));
  }

  /** How many different searches there are. */
  int size() {
    return bases.size() * VARIANTS;
  }

  /** The search numbered {@code n}, 0 to size - 1: each number a different one. */
  Query get(int n) {
    Base base = bases.get(n / VARIANTS);
    int variant = n % VARIANTS;
    String sortBy = SORT_ORDERS.get(variant % SORT_ORDERS.size());
    int limit = LIMITS.get(variant / SORT_ORDERS.size() % LIMITS.size());
    int page = variant / (SORT_ORDERS.size() * LIMITS.size());
    return new Query(base.text(), base.category(), sortBy, limit, page * limit);
  }
}
