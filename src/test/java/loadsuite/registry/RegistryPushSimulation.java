package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushImage;

import loadsuite.oci.OciImage;
import loadsuite.suite.Load;

/** Image pushes: each iteration pushes the config blob and the layers, then the manifest, into a new repository. */
public class RegistryPushSimulation extends RegistrySimulation {
  public RegistryPushSimulation() {
    OciImage image = keys(RegistryKeys.Image.class).generate();
    load(Load.of("Push an image of " + image.describe(),
        warmUp -> exec(inNewRepository(workload().name()), pushImage(image, warmUp))));
  }
}
