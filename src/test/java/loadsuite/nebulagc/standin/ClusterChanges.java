package loadsuite.nebulagc.standin;

import java.sql.Connection;
import java.sql.SQLException;

/** Every change to a cluster's nodes bumps its config version, as in the real server; here in the same transaction. */
final class ClusterChanges {
  private ClusterChanges() {}

  /** Runs {@code sql} on a node of {@code clusterId} and bumps the version; 404 when it touches no node. */
  static void updateNode(NebulaDatabase database, String clusterId, String sql, Object... parameters) throws SQLException {
    database.write(connection -> {
      if (Sql.update(connection, sql, parameters) == 0) {
        throw ApiError.notFound();
      }
      bumpVersion(connection, clusterId);
      return null;
    });
  }

  static void bumpVersion(Connection connection, String clusterId) throws SQLException {
    Sql.update(connection, "UPDATE clusters SET config_version = config_version + 1 WHERE id = ?", clusterId);
  }
}
