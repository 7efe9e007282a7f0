package loadsuite.nebulagc.standin;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Two of the real server's Prometheus metrics: {@code nebulagc_http_requests_total} by method,
 * route (as Gin writes it, {@code /api/v1/nodes/:id}) and status, and
 * {@code nebulagc_http_requests_in_flight}.
 */
final class Metrics {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();

  /** Counts {@code exchange} in flight now, and among the requests once it is answered. */
  void track(HttpServerExchange exchange) {
    inFlight.incrementAndGet();
    exchange.addExchangeCompleteListener((done, next) -> {
      inFlight.decrementAndGet();
      PathTemplateMatch match = done.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
      String route = match == null ? "" : match.getMatchedTemplate().replaceAll("\\{([^}]+)}", ":$1");
      String labels = "method=\"" + done.getRequestMethod() + "\",path=\"" + route + "\",status=\"" + done.getStatusCode() + "\"";
      requests.computeIfAbsent(labels, key -> new LongAdder()).increment();
      next.proceed();
    });
  }

  /** The Prometheus text format. */
  String render() {
    StringBuilder text = new StringBuilder()
        .append("# HELP nebulagc_http_requests_total Total number of HTTP requests\n")
        .append("# TYPE nebulagc_http_requests_total counter\n");
    new TreeMap<>(requests).forEach((labels, count) ->
        text.append("nebulagc_http_requests_total{").append(labels).append("} ").append(count.sum()).append('\n'));
    return text
        .append("# HELP nebulagc_http_requests_in_flight Number of HTTP requests currently being processed\n")
        .append("# TYPE nebulagc_http_requests_in_flight gauge\n")
        .append("nebulagc_http_requests_in_flight ").append(inFlight.get()).append('\n')
        .toString();
  }
}
