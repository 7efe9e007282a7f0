package loadsuite.runtime.standin;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime's user store: seeded users, and created ones kept up to a bound so that a long
 * write-heavy run cannot exhaust memory (the oldest created users are dropped first).
 */
public final class UserStore {
  record User(long id, String name, String email) {}

  public static final int SEEDED = 1000;
  private static final int MAX_CREATED = 100_000;

  private final ConcurrentHashMap<Long, User> users = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(SEEDED + 1);

  UserStore() {
    for (long id = 1; id <= SEEDED; id++) {
      users.put(id, new User(id, "User " + id, "user" + id + "@example.com"));
    }
  }

  User find(long id) {
    return users.get(id);
  }

  User create(String name, String email) {
    long id = nextId.getAndIncrement();
    User user = new User(id, name, email);
    users.put(id, user);
    long evicted = id - MAX_CREATED;
    if (evicted > SEEDED) {
      users.remove(evicted);
    }
    return user;
  }
}
