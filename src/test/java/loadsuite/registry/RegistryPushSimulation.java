package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.BLOB_PUSH;
import static loadsuite.registry.RegistryRequests.PUT_MANIFEST;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushImage;

import java.util.ArrayList;
import java.util.List;

/** Image pushes: each iteration pushes the config blob and the layers, then the manifest, into a new repository. */
public class RegistryPushSimulation extends RegistrySimulation {
  public RegistryPushSimulation() {
    TestImage image = image("push");
    List<String> requests = new ArrayList<>(BLOB_PUSH);
    requests.add(PUT_MANIFEST);
    run("push", "Push an image of " + image.describe(), requests,
        warmUp -> exec(inNewRepository("push"), pushImage(image, warmUp)));
  }
}
