package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.roundRobinSwitch;
import static loadsuite.registry.RegistryRequests.getManifest;
import static loadsuite.registry.RegistryRequests.headManifest;
import static loadsuite.registry.RegistryRequests.inRepository;
import static loadsuite.registry.RegistryRequests.preparedRepository;

import loadsuite.oci.OciImage;
import loadsuite.suite.Load;

/** Manifest latency (seed 000): GET and HEAD of a manifest by tag, in turn, at a sustained rate. */
public class RegistryManifestsSimulation extends RegistrySimulation {
  public RegistryManifestsSimulation() {
    OciImage image = keys(RegistryKeys.Image.class).generate();
    String repository = preparedRepository(workload().name());
    load(Load.of("GET and HEAD of a manifest by tag in turn",
            () -> exec(inRepository(repository)).exec(roundRobinSwitch().on(
                exec(getManifest(image)),
                exec(headManifest(image)))))
        .preparing(pushed(image, repository)));
  }
}
