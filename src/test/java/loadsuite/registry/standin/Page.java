package loadsuite.registry.standin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;

/**
 * One page of a sorted listing, as {@code tags/list} and {@code _catalog} give it: up to
 * {@code n} names after {@code last} (all of them without {@code n}); when more remain, a
 * {@code Link: <…?n=&last=>; rel="next"} header points to the next page.
 */
final class Page {
  private static final HttpString LINK = HttpString.tryFromString("Link");

  private Page() {}

  /** The names of this page; sets the {@code Link} header on {@code exchange} when more remain. */
  static List<String> of(NavigableSet<String> sorted, HttpServerExchange exchange, String path) {
    String last = Exchanges.query(exchange, "last");
    NavigableSet<String> after = last == null ? sorted : sorted.tailSet(last, false);
    String n = Exchanges.query(exchange, "n");
    if (n == null) {
      return List.copyOf(after);
    }
    int limit = parseLimit(n);
    List<String> page = new ArrayList<>();
    Iterator<String> names = after.iterator();
    while (page.size() < limit && names.hasNext()) {
      page.add(names.next());
    }
    if (!page.isEmpty() && names.hasNext()) {
      exchange.getResponseHeaders().put(LINK,
          "<" + path + "?n=" + limit + "&last=" + page.get(page.size() - 1) + ">; rel=\"next\"");
    }
    return page;
  }

  private static int parseLimit(String n) {
    try {
      int limit = Integer.parseInt(n);
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new RegistryError(400, RegistryError.Code.PAGINATION_NUMBER_INVALID,
        "n must be a whole number of at least 0, got '" + n + "'");
  }
}
