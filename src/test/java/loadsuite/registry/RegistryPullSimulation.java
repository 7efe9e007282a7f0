package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.inRepository;
import static loadsuite.registry.RegistryRequests.preparedRepository;
import static loadsuite.registry.RegistryRequests.pullImage;

import loadsuite.oci.OciImage;
import loadsuite.suite.Load;

/** Image pulls: the manifest by tag with an explicit Accept, then the config blob and the layers, of an image pushed before the load. */
public class RegistryPullSimulation extends RegistrySimulation {
  public RegistryPullSimulation() {
    OciImage image = keys(RegistryKeys.Image.class).generate();
    String repository = preparedRepository(workload().name());
    load(Load.of("Pull an image of " + image.describe(),
            () -> exec(inRepository(repository), pullImage(image)))
        .preparing(pushed(image, repository)));
  }
}
