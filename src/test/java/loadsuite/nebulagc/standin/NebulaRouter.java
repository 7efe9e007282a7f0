package loadsuite.nebulagc.standin;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * The real server's router: the per-IP limit on every request (checked on the I/O thread), then
 * on a worker thread each group's credential, the group's limit, and for admin routes the admin
 * check, in that order, as its middleware runs them.
 */
final class NebulaRouter implements HttpHandler {
  /** A route's work, on a worker thread in blocking mode. */
  @FunctionalInterface
  interface Route {
    void handle(HttpServerExchange exchange) throws Exception;
  }

  /** A route's work for a caller that showed its credential: an {@link Auth.Node} or an {@link Auth.Cluster}. */
  @FunctionalInterface
  interface GuardedRoute<C> {
    void handle(HttpServerExchange exchange, C caller) throws Exception;
  }

  @FunctionalInterface
  private interface Credential<C> {
    C of(HttpServerExchange exchange) throws SQLException;
  }

  private final Auth auth;
  private final RateLimits limits;
  private final TokenBuckets perIp;
  private final Metrics metrics;
  private final RoutingHandler routes = Handlers.routing(false);

  NebulaRouter(NebulaDatabase database, Tokens tokens, NebulaStandIn.Options options, Metrics metrics) {
    auth = new Auth(database, tokens);
    limits = options.rateLimits();
    perIp = new TokenBuckets(limits.perIp());
    this.metrics = metrics;
    HealthRoutes health = new HealthRoutes(database, metrics);
    NodeRoutes nodes = new NodeRoutes(database, tokens);
    ConfigRoutes config = new ConfigRoutes(database, options.maxBundleBytes());
    TopologyRoutes topology = new TopologyRoutes(database, tokens);
    AdvertisedRoutes advertised = new AdvertisedRoutes(database);

    TokenBuckets nodesLimit = new TokenBuckets(limits.nodes());
    TokenBuckets configLimit = new TokenBuckets(limits.config());
    TokenBuckets routesLimit = new TokenBuckets(limits.routes());
    TokenBuckets topologyLimit = new TokenBuckets(limits.topology());
    routes
        .get("/health/live", open(health::live))
        .get("/health/ready", open(health::ready))
        .get("/health/master", open(health::master))
        .get("/metrics", open(health::metrics))
        .post("/api/v1/nodes", admin(nodesLimit, nodes::create))
        .get("/api/v1/nodes", admin(nodesLimit, nodes::list))
        .add("PATCH", "/api/v1/nodes/{id}/mtu", admin(nodesLimit, nodes::updateMtu))
        .post("/api/v1/nodes/{id}/token", admin(nodesLimit, nodes::rotateToken))
        .delete("/api/v1/nodes/{id}", admin(nodesLimit, nodes::delete))
        .get("/api/v1/config/version", node(configLimit, config::version))
        .get("/api/v1/config/bundle", node(configLimit, config::download))
        .post("/api/v1/config/bundle", admin(configLimit, config::upload))
        .get("/api/v1/topology", cluster(topologyLimit, topology::get))
        .post("/api/v1/topology/lighthouse", cluster(topologyLimit, topology::assignLighthouse))
        .delete("/api/v1/topology/lighthouse/{node_id}", cluster(topologyLimit, topology::unassignLighthouse))
        .post("/api/v1/topology/relay", cluster(topologyLimit, topology::assignRelay))
        .delete("/api/v1/topology/relay/{node_id}", cluster(topologyLimit, topology::unassignRelay))
        .get("/api/v1/routes", node(routesLimit, advertised::get))
        .put("/api/v1/routes", node(routesLimit, advertised::put))
        .get("/api/v1/routes/cluster", node(routesLimit, advertised::cluster))
        // the real router puts no limit on rotation but the per-IP one
        .post("/api/v1/tokens/cluster/rotate", cluster(null, topology::rotateClusterToken))
        .setFallbackHandler(NebulaRouter::noRoute)
        .setInvalidMethodHandler(NebulaRouter::noRoute);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    metrics.track(exchange);
    if (limits.enabled() && !perIp.allow(exchange.getSourceAddress().getAddress().getHostAddress())) {
      Exchanges.error(exchange, ApiError.rateLimited());
      return;
    }
    routes.handleRequest(exchange);
  }

  /** A route without credentials. */
  private static HttpHandler open(Route route) {
    return new BlockingHandler(exchange -> {
      try {
        route.handle(exchange);
      } catch (ApiError e) {
        Exchanges.error(exchange, e);
      } catch (Exception e) {
        System.err.println("NebulaGC stand-in: " + exchange.getRequestMethod() + " " + exchange.getRequestPath() + " failed: " + e);
        Exchanges.error(exchange, new ApiError(500, "internal_error", "An internal error occurred"));
      }
    });
  }

  /** The credential, then the group's bucket of the caller (null for none), then the route. */
  private <C> HttpHandler guarded(Credential<C> credential, Function<C, String> bucket, TokenBuckets groupLimit, GuardedRoute<C> route) {
    return open(exchange -> {
      C caller = credential.of(exchange);
      if (groupLimit != null && limits.enabled() && !groupLimit.allow(bucket.apply(caller))) {
        throw ApiError.rateLimited();
      }
      route.handle(exchange, caller);
    });
  }

  private HttpHandler node(TokenBuckets groupLimit, GuardedRoute<Auth.Node> route) {
    return guarded(auth::node, Auth.Node::id, groupLimit, route);
  }

  private HttpHandler admin(TokenBuckets groupLimit, GuardedRoute<Auth.Node> route) {
    return node(groupLimit, (exchange, node) -> {
      if (!node.admin()) {
        throw new ApiError(403, "forbidden", "Admin privileges required");
      }
      route.handle(exchange, node);
    });
  }

  private HttpHandler cluster(TokenBuckets groupLimit, GuardedRoute<Auth.Cluster> route) {
    return guarded(auth::cluster, Auth.Cluster::id, groupLimit, route);
  }

  private static void noRoute(HttpServerExchange exchange) {
    Exchanges.error(exchange, new ApiError(404, "not_found", "No route " + exchange.getRequestMethod() + " " + exchange.getRequestPath()));
  }
}
