package loadsuite.nebulagc.standin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** JDBC in one line a statement: parameters bound in order, rows mapped by a lambda. */
final class Sql {
  private Sql() {}

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** The rows changed by {@code sql}. */
  static int update(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** The first row of {@code sql}, mapped, or null when there is none. */
  static <T> T one(Connection connection, String sql, Row<T> mapper, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
      return rows.next() ? mapper.map(rows) : null;
    }
  }

  static <T> List<T> list(Connection connection, String sql, Row<T> mapper, Object... parameters) throws SQLException {
    List<T> result = new ArrayList<>();
    try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
    }
    return result;
  }

  static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
