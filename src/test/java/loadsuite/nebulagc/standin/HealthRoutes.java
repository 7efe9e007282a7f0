package loadsuite.nebulagc.standin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** The routes without credentials: liveness, readiness (a query on the database), master status, metrics. */
final class HealthRoutes {
  private final NebulaDatabase database;
  private final Metrics metrics;
  /** The real server's instance UUID; a stand-in is always a single master. */
  private final String instanceId = UUID.randomUUID().toString();

  HealthRoutes(NebulaDatabase database, Metrics metrics) {
    this.database = database;
    this.metrics = metrics;
  }

  void live(HttpServerExchange exchange) {
    Exchanges.data(exchange, 200, Map.of("status", "ok", "instance_id", instanceId));
  }

  void ready(HttpServerExchange exchange) {
    try {
      database.read(connection -> Sql.one(connection, "SELECT 1", row -> row.getInt(1)));
    } catch (SQLException e) {
      throw new ApiError(503, "unhealthy", "Database unavailable");
    }
    Exchanges.data(exchange, 200, Map.of("status", "ready", "instance_id", instanceId, "database", "connected"));
  }

  void master(HttpServerExchange exchange) {
    Exchanges.data(exchange, 200, Map.of("is_master", true, "instance_id", instanceId));
  }

  void metrics(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    exchange.getResponseSender().send(metrics.render(), StandardCharsets.UTF_8);
  }
}
