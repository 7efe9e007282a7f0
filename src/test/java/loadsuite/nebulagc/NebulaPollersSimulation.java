package loadsuite.nebulagc;

import static loadsuite.nebulagc.NebulaRequests.poll;

import loadsuite.load.Shape;
import loadsuite.load.WarmUp;

/**
 * Daemons polling (seed 004: 100 pollers every 5 s, update detection < 10 s): each a version check,
 * then a bundle request with {@code current_version}, mostly 304; meanwhile an admin uploads new
 * bundles and the time until each poller holds each is measured ({@link UpdateDetection}).
 */
public class NebulaPollersSimulation extends NebulaSimulation {
  public NebulaPollersSimulation() {
    NebulaKeys.Pollers keys = keys(NebulaKeys.Pollers.class);
    Shape.Sustained shape = (Shape.Sustained) workload().shape();
    UpdateDetection detection = new UpdateDetection(shape.duration(), keys.uploadInterval(), UpdateDetection.period(workload()),
        keys.bundleSize());
    byte[] bundle = NebulaBundle.generate(keys.bundleSize(), 0);
    load(overFleet("Daemons polling while an admin uploads bundles", keys.fleet(),
        () -> WarmUp.building() ? poll(bundle.length) : detection.pollAndDetect(bundle.length),
        (admin, fleet, credentials) -> {
          System.out.println("  " + detection.describe());
          detection.uploader(admin.createNode("uploader", true).token());
          fleet.shareAll(UpdateDetection.holding(admin.uploadBundle(bundle)));
        }));
  }
}
