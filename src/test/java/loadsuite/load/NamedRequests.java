package loadsuite.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpDsl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import loadsuite.log.MeasuredWindow;

/**
 * Gatling's {@code http(name)} and {@code group(name)}, noting each name while a simulation builds
 * its iteration: the names of the requests and groups a simulation sends are derived from the
 * requests themselves, and a goal may name only those. A system's requests class imports this
 * {@link #http} instead of Gatling's.
 *
 * <p>A request inside a group is noted by its path, as Gatling's statistics and the run report
 * name it: {@code journey / search}; a group by its own path, {@code journey}.
 *
 * <p>The warm-up chain ({@link WarmUp}) has the same requests and groups, and is logged in the
 * warm-up's group, which every figure leaves out.
 */
public final class NamedRequests {
  /** Between the groups and the request of a path: {@code journey / search}. */
  public static final String SEPARATOR = " / ";

  private record Collecting(Set<String> requests, Set<String> groups, Deque<String> open) {}

  private static final ThreadLocal<Collecting> COLLECTING = new ThreadLocal<>();

  private NamedRequests() {}

  /** A request named {@code name}, as Gatling's {@code http(name)}. */
  public static Http http(String name) {
    return HttpDsl.http(noted(name));
  }

  /** Notes {@code name} as the name of a request being built (of any protocol), and returns it. */
  public static String noted(String name) {
    checkName(name);
    Collecting collecting = COLLECTING.get();
    if (collecting != null) {
      collecting.requests().add(path(collecting, name));
    }
    return name;
  }

  /**
   * Gatling's {@code group(name).on(steps)}, with the requests {@code steps} builds noted under the
   * group's path. A goal on the group is asserted on the group's cumulated response time (the sum of
   * its requests' times, pauses left out).
   */
  public static ChainBuilder group(String name, Supplier<ChainBuilder> steps) {
    checkName(name);
    if (name.equals(MeasuredWindow.WARM_UP_GROUP)) {
      throw new IllegalArgumentException("\"" + name + "\" is the group of the warm-up's requests, which every figure leaves out:"
          + " give the group another name");
    }
    Collecting collecting = COLLECTING.get();
    if (collecting == null) {
      return CoreDsl.group(name).on(steps.get());
    }
    collecting.groups().add(path(collecting, name));
    collecting.open().addLast(name);
    try {
      return CoreDsl.group(name).on(steps.get());
    } finally {
      collecting.open().removeLast();
    }
  }

  /** The path of a request {@code name} sent in {@code groups} (outermost first), as the run report names it. */
  public static String path(List<String> groups, String name) {
    return groups.isEmpty() ? name : String.join(SEPARATOR, groups) + SEPARATOR + name;
  }

  /** The groups and the request of a noted path, as Gatling's {@code details(…)} takes them. */
  public static List<String> parts(String path) {
    return List.of(path.split(SEPARATOR, -1));
  }

  /** What {@code build} made, and the paths of the requests and of the groups it made, in order. */
  public record Built<T>(T value, List<String> names, List<String> groups) {}

  public static <T> Built<T> collect(Supplier<T> build) {
    Collecting collecting = new Collecting(new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayDeque<>());
    COLLECTING.set(collecting);
    try {
      T value = build.get();
      return new Built<>(value, List.copyOf(collecting.requests()), List.copyOf(collecting.groups()));
    } finally {
      COLLECTING.remove();
    }
  }

  private static String path(Collecting collecting, String name) {
    List<String> parts = new ArrayList<>(collecting.open());
    parts.add(name);
    return String.join(SEPARATOR, parts);
  }

  /** A name with the separator in it would make its path ambiguous. */
  private static void checkName(String name) {
    if (name.contains(SEPARATOR)) {
      throw new IllegalArgumentException("a request or group name may not contain \"" + SEPARATOR + "\": " + name);
    }
  }
}
