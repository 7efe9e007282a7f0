package loadsuite.load;

import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpDsl;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gatling's {@code http(name)}, noting each name while a simulation builds its iteration: the
 * names of the requests a simulation sends are derived from the requests themselves, and a goal
 * may name only those. A system's requests class imports this {@link #http} instead of Gatling's.
 */
public final class NamedRequests {
  private static final ThreadLocal<Set<String>> COLLECTING = new ThreadLocal<>();

  private NamedRequests() {}

  /** A request named {@code name}, as Gatling's {@code http(name)}. */
  public static Http http(String name) {
    note(name);
    return HttpDsl.http(name);
  }

  /** Notes {@code name} as {@link #http} does, for a measurement recorded as a request of that name ({@link Timings}). */
  static void note(String name) {
    Set<String> names = COLLECTING.get();
    if (names != null) {
      names.add(name);
    }
  }

  /** What {@code build} made, and the names of the requests it made, in order. */
  public record Built<T>(T value, List<String> names) {}

  public static <T> Built<T> collect(Supplier<T> build) {
    Set<String> names = new LinkedHashSet<>();
    COLLECTING.set(names);
    try {
      T value = build.get();
      return new Built<>(value, List.copyOf(names));
    } finally {
      COLLECTING.remove();
    }
  }
}
