package loadsuite.runtime;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.runtime.RuntimeRequests.simple;

import java.util.HashMap;
import java.util.Map;
import loadsuite.load.PacedConnections;
import loadsuite.load.ServiceUrls;
import loadsuite.load.Shape;
import loadsuite.suite.Load;
import loadsuite.sut.BalancedService;

/**
 * Horizontal scaling (seed 002: "linear scaling to 10 instances", "to 100"): instances of the
 * runtime behind HAProxy, and for each count of them in turn (1, 2, 4) the stress staircase, its
 * rates that count times the per-instance ones, after a warm-up of its own. Each level's requests
 * go to the balancer's frontend over that level's count of instances. The report gives each count's knee and the
 * scaling efficiency knee(n) / (n × knee(1)), held to {@code scaling-efficiency}.
 */
public class RuntimeScalingSimulation extends RuntimeSimulation {
  public RuntimeScalingSimulation() {
    Shape.Scaling scaling = (Shape.Scaling) workload().shape();
    String service = RuntimeSystem.SPEC.primary().name();
    // every step of the schedule is a group: each count's warm-up and its levels
    Map<String, String> frontendOfGroup = new HashMap<>();
    for (int count : scaling.instances()) {
      String frontend = BalancedService.urlName(service, count);
      frontendOfGroup.put(Shape.Scaling.warmUpGroup(count), frontend);
      scaling.staircase(count).levels().forEach(level -> frontendOfGroup.put(level.name(), frontend));
    }
    load(Load.of("Stress staircase of GET /simple on each count of runtime instances behind HAProxy",
        () -> exec(simple(session -> ServiceUrls.of(session, frontendOfGroup.get(PacedConnections.group(session).orElseThrow()))))));
  }
}
