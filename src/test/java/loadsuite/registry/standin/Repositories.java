package loadsuite.registry.standin;

import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListMap;

/** The repositories that have received a blob or a manifest, by name in order: the catalog. */
final class Repositories {
  private final ConcurrentSkipListMap<String, Repository> byName = new ConcurrentSkipListMap<>();

  Repository create(String name) {
    return byName.computeIfAbsent(name, n -> new Repository());
  }

  /** The repository, or null when nothing was pushed to it. */
  Repository find(String name) {
    return byName.get(name);
  }

  NavigableSet<String> names() {
    return byName.navigableKeySet();
  }
}
