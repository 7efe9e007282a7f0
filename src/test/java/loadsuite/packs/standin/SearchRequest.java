package loadsuite.packs.standin;

import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of {@code POST /marketplace/search}, checked: {@code query} (at most
 * {@value #MAX_QUERY_CHARS} characters; empty lists every pack), {@code limit} 1 to
 * {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}), {@code offset} 0 or more, {@code category}
 * one of the registry's, {@code sort_by} one of {@link SortOrder}. Anything else answers 400.
 */
record SearchRequest(String query, int limit, int offset, String category, SortOrder sortBy) {
  static final int MAX_QUERY_CHARS = 256;
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_LIMIT = 20;

  /** The seed's sort orders: one per index of its schema, with full-text relevance and name. */
  enum SortOrder {
    /** bm25 rank with a query; without one, as DOWNLOADS. */
    RELEVANCE("p.downloads DESC, p.name"),
    DOWNLOADS("p.downloads DESC, p.name"),
    RATING("p.rating DESC, p.downloads DESC, p.name"),
    UPDATED("p.updated_at DESC, p.name"),
    NAME("p.title, p.name");

    private final String orderBy;

    SortOrder(String orderBy) {
      this.orderBy = orderBy;
    }

    /** The ORDER BY terms over {@code packs p} (joined with {@code packs_fts} when {@code fullText}). */
    String orderBy(boolean fullText) {
      return this == RELEVANCE && fullText ? "packs_fts.rank, " + orderBy : orderBy;
    }

    static String names() {
      return Arrays.stream(values()).map(o -> o.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
  }

  static SearchRequest parse(Map<String, Deque<String>> parameters, List<String> categories) {
    String query = first(parameters, "query");
    if (query != null && query.length() > MAX_QUERY_CHARS) {
      throw ApiError.badRequest("query is " + query.length() + " characters long; at most " + MAX_QUERY_CHARS);
    }
    int limit = number(parameters, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    int offset = number(parameters, "offset", 0, Integer.MAX_VALUE, 0);
    String category = first(parameters, "category");
    if (category != null && !categories.contains(category)) {
      throw ApiError.badRequest("unknown category '" + category + "'; categories: " + String.join(", ", categories));
    }
    String sortBy = first(parameters, "sort_by");
    SortOrder order = SortOrder.RELEVANCE;
    if (sortBy != null) {
      try {
        order = SortOrder.valueOf(sortBy.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("unknown sort_by '" + sortBy + "'; one of " + SortOrder.names());
      }
    }
    return new SearchRequest(query == null || query.isBlank() ? null : query.strip(), limit, offset, category, order);
  }

  /**
   * The query as an FTS5 expression: each word (letters, digits, marks) as a quoted prefix
   * ({@code "word"*}), all of them required, so that no character of the query is FTS5 syntax.
   * Empty when the query has no word, as {@code "(*"}: such a query matches nothing.
   */
  String ftsMatch() {
    return Arrays.stream(query.split("[^\\p{L}\\p{N}\\p{M}]+"))
        .filter(word -> !word.isEmpty())
        .map(word -> "\"" + word + "\"*")
        .collect(Collectors.joining(" "));
  }

  private static String first(Map<String, Deque<String>> parameters, String name) {
    Deque<String> values = parameters.get(name);
    return values == null ? null : values.getFirst();
  }

  private static int number(Map<String, Deque<String>> parameters, String name, int min, int max, int fallback) {
    String text = first(parameters, name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, as a value out of range is
    }
    throw ApiError.badRequest(name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " on" : " to " + max)
        + ", got '" + text + "'");
  }
}
