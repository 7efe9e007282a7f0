package loadsuite.freightliner;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.freightliner.FreightlinerRequests.health;
import static loadsuite.freightliner.FreightlinerRequests.listJobs;

import loadsuite.suite.Load;

/**
 * Availability: health checks and job listings held at a steady rate, through the soak profile's
 * hours with {@code -Dprofile=soak}; the seed's 99.5 % is the goal on failed requests (at most 0.5 %).
 */
public class FreightlinerAvailabilitySimulation extends FreightlinerSimulation {
  public FreightlinerAvailabilitySimulation() {
    load(withApiKey(Load.of("Health checks and job listings of the job API",
        () -> exec(health(), listJobs("completed"))), system -> {}));
  }
}
