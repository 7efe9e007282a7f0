package loadsuite.nebulagc.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The stand-in's SQLite database in WAL mode, with the real server's tables. Writes are serialised
 * on one connection, each in a transaction; reads run on a small pool of query-only connections,
 * which WAL lets read while the writer writes.
 */
final class NebulaDatabase implements AutoCloseable {
  private static final int READERS = 8;
  private static final int BUSY_TIMEOUT_MS = 5000;
  /** How long a request waits for a connection before it gets 503. */
  private static final long CONNECTION_WAIT_MS = 10_000;
  /** Fixed width, so that the text sorts as the time does. */
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** The real server's migrations 001, 002, 005 and 006, less the PKI columns it does not serve. */
  private static final String[] SCHEMA = {
      """
      CREATE TABLE IF NOT EXISTS tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
      """
      CREATE TABLE IF NOT EXISTS clusters (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        cluster_token_hash TEXT NOT NULL,
        provide_lighthouse INTEGER NOT NULL DEFAULT 0 CHECK (provide_lighthouse IN (0, 1)),
        lighthouse_port INTEGER DEFAULT 4242,
        config_version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, name))""",
      "CREATE INDEX IF NOT EXISTS idx_clusters_token_hash ON clusters(cluster_token_hash)",
      """
      CREATE TABLE IF NOT EXISTS nodes (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
        token_hash TEXT NOT NULL,
        mtu INTEGER NOT NULL DEFAULT 1300 CHECK (mtu >= 1280 AND mtu <= 9000),
        routes TEXT,
        routes_updated_at TEXT,
        is_lighthouse INTEGER NOT NULL DEFAULT 0 CHECK (is_lighthouse IN (0, 1)),
        lighthouse_public_ip TEXT,
        lighthouse_port INTEGER,
        is_relay INTEGER NOT NULL DEFAULT 0 CHECK (is_relay IN (0, 1)),
        lighthouse_relay_updated_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (tenant_id, cluster_id, name))""",
      "CREATE INDEX IF NOT EXISTS idx_nodes_token_hash ON nodes(token_hash)",
      "CREATE INDEX IF NOT EXISTS idx_nodes_cluster ON nodes(cluster_id)",
      """
      CREATE TABLE IF NOT EXISTS config_bundles (
        version INTEGER NOT NULL,
        tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        created_by TEXT REFERENCES nodes(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, cluster_id, version))""",
  };

  /** One unit of work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final boolean temporary;
  private final Connection writer;
  private final ReentrantLock writing = new ReentrantLock();
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);

  private NebulaDatabase(Path file, boolean temporary) throws SQLException {
    this.file = file;
    this.temporary = temporary;
    try {
      writer = connect(false);
      try (Statement statement = writer.createStatement()) {
        requireWal(statement);
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
      }
      writer.setAutoCommit(false);
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(true));
      }
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens (or creates) {@code file}; null opens a temporary file that {@link #close} deletes. */
  static NebulaDatabase open(Path file) {
    try {
      return file == null
          ? new NebulaDatabase(Files.createTempFile("nebulagc-standin-", ".db"), true)
          : new NebulaDatabase(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary database file", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the SQLite database " + file + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  /** The current time as the database stores it, and as the API shows it. */
  static String now() {
    return TIMESTAMP.format(Instant.now());
  }

  /** Runs {@code work} on a reader of the pool. */
  <T> T read(Work<T> work) throws SQLException {
    Connection reader;
    try {
      reader = readers.poll(CONNECTION_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
    if (reader == null) {
      throw unavailable();
    }
    try {
      return work.run(reader);
    } finally {
      readers.add(reader);
    }
  }

  /** Runs {@code work} in a transaction on the one writer: committed when it returns, rolled back when it throws. */
  <T> T write(Work<T> work) throws SQLException {
    try {
      if (!writing.tryLock(CONNECTION_WAIT_MS, TimeUnit.MILLISECONDS)) {
        throw unavailable();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
    try {
      T result = work.run(writer);
      writer.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      writer.rollback();
      throw e;
    } finally {
      writing.unlock();
    }
  }

  /** Closes every connection (which checkpoints the WAL), then deletes a temporary file; also after a failed open. */
  @Override
  public void close() {
    try {
      for (Connection reader : readers) {
        reader.close();
      }
      if (writer != null) {
        writer.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the SQLite database " + file, e);
    }
    if (temporary) {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        try {
          Files.deleteIfExists(Path.of(file + suffix));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "SQLite WAL " + file;
  }

  private Connection connect(boolean queryOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection connection = config.createConnection("jdbc:sqlite:" + file);
    if (queryOnly) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only = 1");
      }
    }
    return connection;
  }

  /** WAL is a property of the file: set once by the writer, and checked, since SQLite may refuse it. */
  private void requireWal(Statement statement) throws SQLException {
    try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
      String journalMode = mode.next() ? mode.getString(1) : "none";
      if (!"wal".equalsIgnoreCase(journalMode)) {
        throw new SQLException("journal_mode stayed " + journalMode + " instead of wal");
      }
    }
  }

  private static ApiError unavailable() {
    return new ApiError(503, "service_unavailable", "Service temporarily unavailable");
  }
}
