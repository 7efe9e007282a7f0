package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.GET_BLOB;
import static loadsuite.registry.RegistryRequests.GET_MANIFEST;
import static loadsuite.registry.RegistryRequests.inRepository;
import static loadsuite.registry.RegistryRequests.preparedRepository;
import static loadsuite.registry.RegistryRequests.pullImage;

import java.util.List;

/** Image pulls: the manifest by tag with an explicit Accept, then the config blob and the layers, of an image pushed before the load. */
public class RegistryPullSimulation extends RegistrySimulation {
  public RegistryPullSimulation() {
    TestImage image = imageInRegistry("pull");
    run("pull", "Pull an image of " + image.describe(), List.of(GET_MANIFEST, GET_BLOB),
        warmUp -> exec(inRepository(preparedRepository("pull")), pullImage(image, warmUp)));
  }
}
