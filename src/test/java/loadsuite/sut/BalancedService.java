package loadsuite.sut;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loadsuite.load.Shape;

/**
 * Instances of one service behind the suite's load balancer: its base URL is the frontend over
 * the fewest instances; the frontend over each count is in the session as {@link #urlName}.
 * Closing it stops the balancer, then the instances.
 */
public final class BalancedService implements RunningService {
  private final List<RunningService> instances;
  private final Balancer balancer;

  public BalancedService(List<RunningService> instances, Balancer balancer) {
    this.instances = List.copyOf(instances);
    this.balancer = balancer;
  }

  /** The session name of the frontend over {@code count} instances of {@code service}: {@code runtime on 2 instances}. */
  public static String urlName(String service, int count) {
    return service + " " + Shape.Scaling.on(count);
  }

  @Override
  public String baseUrl() {
    return balancer.urls().values().iterator().next();
  }

  @Override
  public Map<String, String> urls(String name) {
    Map<String, String> urls = new LinkedHashMap<>(RunningService.super.urls(name));
    balancer.urls().forEach((count, url) -> urls.put(urlName(name, count), url));
    return urls;
  }

  @Override
  public String mode() {
    return instances.get(0).mode();
  }

  @Override
  public String description() {
    return String.join(", ", instances.stream().map(RunningService::description).toList()) + ", behind HAProxy (pid "
        + balancer.pid() + ") balancing round robin over them";
  }

  @Override
  public void close() {
    try {
      balancer.close();
    } finally {
      RunningSystem.stopAll(instances);
    }
  }
}
