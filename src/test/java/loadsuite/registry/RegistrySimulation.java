package loadsuite.registry;

import loadsuite.oci.OciClient;
import loadsuite.oci.OciException;
import loadsuite.oci.OciImage;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;
import loadsuite.suite.SuiteSimulation;

/** A simulation of the OCI registry (seed 000). */
abstract class RegistrySimulation extends SuiteSimulation {
  RegistrySimulation() {
    super(RegistrySystem.SPEC);
  }

  /**
   * A preparation that pushes {@code image} into the repository the pulls read, with the same
   * request sequence as the load's pushes; a registry that does not take it stops the run.
   */
  static java.util.function.Consumer<RunningSystem> pushed(OciImage image, String repository) {
    return system -> {
      try {
        new OciClient(system.baseUrl()).pushImage(repository, RegistryRequests.TAG, image);
      } catch (OciException e) {
        throw new SutUnavailableException("the registry at " + system.baseUrl() + " did not take the image the workload pulls ("
            + e.getMessage() + ")", e);
      }
    };
  }
}
