package loadsuite.packs.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * The registry in SQLite, in the seed's schema ("Database Indexing"): its {@code packs} table
 * (column {@code name} holds the pack id, {@code title} its display name, {@code version} the latest
 * version) with its four indexes and its FTS5 table, plus what the seed leaves out and the API
 * answers: author, license and price columns, and a table each for versions, tags and keywords.
 *
 * <p>Filled at start, then read through a few read-only connections shared by the worker threads;
 * a publish ({@link #publish}) writes a new version through one more connection. The database is
 * in WAL mode, so that a write waits for no reader and no reader for it.
 */
final class PackStore implements AutoCloseable {
  private static final int READERS = 4;
  /** A worker waits this long for a connection before it answers 503. */
  private static final long READER_WAIT_SECONDS = 10;
  private static final String SCHEMA = """
      CREATE TABLE packs (
          name VARCHAR(255) PRIMARY KEY,
          version VARCHAR(50),
          title VARCHAR(255),
          description TEXT,
          category VARCHAR(100),
          downloads INTEGER DEFAULT 0,
          rating REAL DEFAULT 0.0,
          created_at TIMESTAMP,
          updated_at TIMESTAMP,
          author VARCHAR(255),
          license VARCHAR(50),
          price REAL DEFAULT 0.0
      );
      CREATE INDEX idx_packs_category ON packs(category);
      CREATE INDEX idx_packs_downloads ON packs(downloads DESC);
      CREATE INDEX idx_packs_rating ON packs(rating DESC);
      CREATE INDEX idx_packs_updated ON packs(updated_at DESC);
      CREATE VIRTUAL TABLE packs_fts USING fts5(
          name,
          title,
          description,
          category,
          content='packs'
      );
      CREATE TABLE pack_versions (
          pack_name VARCHAR(255) NOT NULL REFERENCES packs(name),
          position INTEGER NOT NULL,
          version VARCHAR(50) NOT NULL,
          git_rev CHAR(40),
          sha256 CHAR(64) NOT NULL,
          size INTEGER NOT NULL,
          published_at TIMESTAMP,
          PRIMARY KEY (pack_name, version)
      );
      CREATE TABLE pack_tags (pack_name VARCHAR(255) NOT NULL REFERENCES packs(name), tag VARCHAR(100) NOT NULL);
      CREATE TABLE pack_keywords (pack_name VARCHAR(255) NOT NULL REFERENCES packs(name), keyword VARCHAR(100) NOT NULL);
      CREATE INDEX idx_pack_tags ON pack_tags(pack_name);
      CREATE INDEX idx_pack_keywords ON pack_keywords(pack_name);
      """;
  private static final String LISTING = "SELECT p.name, p.title, p.version, p.author, p.description, p.downloads,"
      + " p.price, p.license, p.rating, p.category, p.created_at, p.updated_at";
  private static final String VERSION = "SELECT pack_name, version, git_rev, sha256, size, published_at FROM pack_versions";

  /** A page of search results, and how many there are in all. */
  record Page(long total, List<Pack.Listing> listings) {}

  private final Path file;
  private final boolean temporary;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  /** Opened by the first publish. */
  private Connection writer;

  private PackStore(Path file, boolean temporary) {
    this.file = file;
    this.temporary = temporary;
  }

  /**
   * Writes {@code packs} to a new database at {@code file} (replacing one that is there), or to a
   * temporary file deleted on close when {@code file} is null.
   */
  static PackStore create(Path file, List<Pack> packs) {
    PackStore store;
    try {
      store = file == null
          ? new PackStore(Files.createTempFile("packs-standin-", ".db"), true)
          : new PackStore(file, false);
      Files.deleteIfExists(store.file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot place the packs database", e);
    }
    try {
      store.fill(packs);
      for (int i = 0; i < READERS; i++) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        store.readers.add(config.createConnection(store.url()));
      }
      return store;
    } catch (SQLException e) {
      store.close();
      throw new IllegalStateException("cannot fill the packs database " + store.file, e);
    }
  }

  Path file() {
    return file;
  }

  /** Every pack with its versions, tags and keywords, by id. */
  List<Pack> all() {
    return read(c -> packs(c, null));
  }

  Optional<Pack> find(String id) {
    return read(c -> packs(c, id)).stream().findFirst();
  }

  /** The version of a pack; empty when either is unknown. */
  Optional<Pack.Version> version(String id, String version) {
    return read(c -> {
      try (PreparedStatement statement = c.prepareStatement(VERSION + " WHERE pack_name = ? AND version = ?")) {
        statement.setString(1, id);
        statement.setString(2, version);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(version(row)) : Optional.empty();
        }
      }
    });
  }

  Page search(SearchRequest request) {
    String match = request.query() == null ? null : request.ftsMatch();
    if ("".equals(match)) {
      return new Page(0, List.of());
    }
    List<Object> parameters = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    if (match != null) {
      conditions.add("packs_fts MATCH ?");
      parameters.add(match);
    }
    if (request.category() != null) {
      conditions.add("p.category = ?");
      parameters.add(request.category());
    }
    String from = (match == null ? " FROM packs p" : " FROM packs_fts JOIN packs p ON p.rowid = packs_fts.rowid")
        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
    return read(c -> {
      long total = query(c, "SELECT count(*)" + from, parameters, rows -> {
        rows.next();
        return rows.getLong(1);
      });
      List<Object> page = new ArrayList<>(parameters);
      page.add(request.limit());
      page.add(request.offset());
      List<Pack.Listing> listings = query(c, LISTING + from + " ORDER BY " + request.sortBy().orderBy(match != null)
          + " LIMIT ? OFFSET ?", page, rows -> {
            List<Pack.Listing> found = new ArrayList<>();
            while (rows.next()) {
              found.add(listing(rows));
            }
            return found;
          });
      return new Page(total, listings);
    });
  }

  /**
   * Adds {@code version} to the pack {@code id} as its latest: a row of its versions, and the
   * pack's version and update time. The search index is left as it is: it holds no version.
   */
  synchronized void publish(String id, Pack.Version version) {
    try {
      if (writer == null) {
        writer = new SQLiteConfig().createConnection(url());
        writer.setAutoCommit(false);
      }
      try (PreparedStatement add = writer.prepareStatement("INSERT INTO pack_versions"
               + " (pack_name, position, version, git_rev, sha256, size, published_at)"
               + " SELECT ?, max(position) + 1, ?, ?, ?, ?, ? FROM pack_versions WHERE pack_name = ?");
           PreparedStatement latest = writer.prepareStatement("UPDATE packs SET version = ?, updated_at = ? WHERE name = ?")) {
        String publishedAt = version.publishedAt().toString();
        bind(add, id, version.version(), version.gitRev(), version.sha256(), version.size(), publishedAt, id);
        bind(latest, version.version(), publishedAt, id);
        add.executeBatch();
        latest.executeBatch();
        writer.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot publish " + id + " " + version.version() + ": " + e.getMessage(), e);
    }
  }

  /** Closes the connections, and deletes a temporary database. */
  @Override
  public synchronized void close() {
    List<Connection> connections = new ArrayList<>();
    readers.drainTo(connections);
    // the writer last: the last connection to close removes the write-ahead log
    if (writer != null) {
      connections.add(writer);
    }
    for (Connection connection : connections) {
      try {
        connection.close();
      } catch (SQLException e) {
        // a closed database is made anew at the next start: nothing is lost
      }
    }
    if (temporary) {
      for (String suffix : List.of("", "-wal", "-shm")) {
        try {
          Files.deleteIfExists(Path.of(file + suffix));
        } catch (IOException e) {
          System.err.println("packs stand-in: cannot delete " + file + suffix + ": " + e);
        }
      }
    }
  }

  private String url() {
    return "jdbc:sqlite:" + file;
  }

  private void fill(List<Pack> packs) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    // a database made anew at every start needs no durability while it is filled
    config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    try (Connection c = config.createConnection(url()); Statement schema = c.createStatement()) {
      c.setAutoCommit(false);
      for (String statement : SCHEMA.split(";")) {
        if (!statement.isBlank()) {
          schema.execute(statement);
        }
      }
      try (PreparedStatement pack = c.prepareStatement("INSERT INTO packs (name, version, title, description,"
               + " category, downloads, rating, created_at, updated_at, author, license, price)"
               + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
           PreparedStatement version = c.prepareStatement("INSERT INTO pack_versions"
               + " (pack_name, position, version, git_rev, sha256, size, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
           PreparedStatement tag = c.prepareStatement("INSERT INTO pack_tags (pack_name, tag) VALUES (?, ?)");
           PreparedStatement keyword = c.prepareStatement("INSERT INTO pack_keywords (pack_name, keyword) VALUES (?, ?)")) {
        for (Pack p : packs) {
          Pack.Listing l = p.listing();
          bind(pack, l.id(), l.version(), l.name(), l.description(), p.category(), l.downloads(), l.rating(),
              p.createdAt().toString(), p.updatedAt().toString(), l.author(), l.license(), l.price());
          for (int i = 0; i < p.versions().size(); i++) {
            Pack.Version v = p.versions().get(i);
            bind(version, l.id(), i, v.version(), v.gitRev(), v.sha256(), v.size(), v.publishedAt().toString());
          }
          for (String t : p.tags()) {
            bind(tag, l.id(), t);
          }
          for (String k : p.keywords()) {
            bind(keyword, l.id(), k);
          }
        }
        for (PreparedStatement batch : List.of(pack, version, tag, keyword)) {
          batch.executeBatch();
        }
      }
      schema.execute("INSERT INTO packs_fts(packs_fts) VALUES('rebuild')");
      c.commit();
    }
  }

  private static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    statement.addBatch();
  }

  /** The packs (one, by id, or all when {@code id} is null) with what the other tables hold of them. */
  private static List<Pack> packs(Connection c, String id) throws SQLException {
    List<Object> parameters = id == null ? List.of() : List.of(id);
    String ofPack = id == null ? "" : " WHERE pack_name = ?";
    Map<String, List<Pack.Version>> versions = group(c, VERSION + ofPack + " ORDER BY position", parameters,
        PackStore::version);
    Map<String, List<String>> tags = group(c, "SELECT pack_name, tag FROM pack_tags" + ofPack + " ORDER BY rowid",
        parameters, rows -> rows.getString(2));
    Map<String, List<String>> keywords = group(c, "SELECT pack_name, keyword FROM pack_keywords" + ofPack
        + " ORDER BY rowid", parameters, rows -> rows.getString(2));
    return query(c, LISTING + " FROM packs p" + (id == null ? "" : " WHERE p.name = ?") + " ORDER BY p.name",
        parameters, rows -> {
          List<Pack> packs = new ArrayList<>();
          while (rows.next()) {
            String name = rows.getString(1);
            packs.add(new Pack(listing(rows), rows.getString(10), tags.getOrDefault(name, List.of()),
                keywords.getOrDefault(name, List.of()), versions.getOrDefault(name, List.of()),
                Instant.parse(rows.getString(11)), Instant.parse(rows.getString(12))));
          }
          return packs;
        });
  }

  /** The rows of a query whose first column is a pack id, mapped and grouped by that id, in order. */
  private static <T> Map<String, List<T>> group(Connection c, String sql, List<Object> parameters, Row<T> mapper)
      throws SQLException {
    return query(c, sql, parameters, rows -> {
      Map<String, List<T>> groups = new HashMap<>();
      while (rows.next()) {
        groups.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(mapper.map(rows));
      }
      return groups;
    });
  }

  private static Pack.Listing listing(ResultSet row) throws SQLException {
    return new Pack.Listing(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
        row.getString(5), row.getLong(6), row.getDouble(7), row.getString(8), row.getDouble(9));
  }

  private static Pack.Version version(ResultSet row) throws SQLException {
    return new Pack.Version(row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
        Instant.parse(row.getString(6)));
  }

  private static <T> T query(Connection c, String sql, List<Object> parameters, Row<T> result) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return result.map(rows);
      }
    }
  }

  @FunctionalInterface
  private interface Row<T> {
    T map(ResultSet rows) throws SQLException;
  }

  @FunctionalInterface
  private interface Read<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a connection borrowed from the readers. */
  private <T> T read(Read<T> work) {
    Connection connection;
    try {
      connection = readers.poll(READER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unavailable("interrupted while waiting for a database connection");
    }
    if (connection == null) {
      throw ApiError.unavailable("no database connection free within " + READER_WAIT_SECONDS + " s");
    }
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("packs database: " + e.getMessage(), e);
    } finally {
      readers.add(connection);
    }
  }
}
