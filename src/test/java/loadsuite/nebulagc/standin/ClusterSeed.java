package loadsuite.nebulagc.standin;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What the real server expects to find in its database, since no API creates it: a tenant, a
 * cluster with the caller's cluster token and its first admin node with the caller's admin token;
 * and, for volume, extra nodes whose tokens nobody knows. What the database already holds (a
 * restart on the same file) is kept, tokens included.
 */
final class ClusterSeed {
  static final String TENANT = "loadsuite";
  static final String CLUSTER = "default";
  static final String ADMIN_NODE = "admin";

  private ClusterSeed() {}

  static void apply(NebulaDatabase database, Tokens tokens, String adminToken, String clusterToken, int extraNodes) {
    try {
      database.write(connection -> {
        String now = NebulaDatabase.now();
        String tenantId = Sql.one(connection, "SELECT id FROM tenants WHERE name = ?", row -> row.getString(1), TENANT);
        if (tenantId == null) {
          tenantId = UUID.randomUUID().toString();
          Sql.update(connection, "INSERT INTO tenants (id, name, created_at) VALUES (?, ?, ?)", tenantId, TENANT, now);
        }
        String clusterId = Sql.one(connection, "SELECT id FROM clusters WHERE tenant_id = ? AND name = ?",
            row -> row.getString(1), tenantId, CLUSTER);
        if (clusterId == null) {
          clusterId = UUID.randomUUID().toString();
          Sql.update(connection, "INSERT INTO clusters (id, tenant_id, name, cluster_token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
              clusterId, tenantId, CLUSTER, tokens.hash(clusterToken), now);
        }
        String insertNode = "INSERT OR IGNORE INTO nodes (id, tenant_id, cluster_id, name, is_admin, token_hash, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(insertNode)) {
          addNode(insert, tenantId, clusterId, ADMIN_NODE, true, tokens.hash(adminToken), now);
          for (int i = 1; i <= extraNodes; i++) {
            addNode(insert, tenantId, clusterId, String.format("seed-node-%05d", i), false, tokens.hash(Tokens.generate()), now);
          }
          insert.executeBatch();
        }
        return null;
      });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot seed the database " + database.file() + ": " + e.getMessage(), e);
    }
  }

  private static void addNode(PreparedStatement insert, String tenantId, String clusterId, String name, boolean admin,
      String tokenHash, String now) throws SQLException {
    insert.setString(1, UUID.randomUUID().toString());
    insert.setString(2, tenantId);
    insert.setString(3, clusterId);
    insert.setString(4, name);
    insert.setInt(5, admin ? 1 : 0);
    insert.setString(6, tokenHash);
    insert.setString(7, now);
    insert.addBatch();
  }
}
