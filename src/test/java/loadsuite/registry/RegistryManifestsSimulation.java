package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.roundRobinSwitch;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.registry.RegistryRequests.GET_MANIFEST;
import static loadsuite.registry.RegistryRequests.HEAD_MANIFEST;
import static loadsuite.registry.RegistryRequests.getManifest;
import static loadsuite.registry.RegistryRequests.headManifest;
import static loadsuite.registry.RegistryRequests.inRepository;
import static loadsuite.registry.RegistryRequests.preparedRepository;

import java.util.List;

/** Manifest latency (seed 000): GET and HEAD of a manifest by tag, in turn, at a sustained rate. */
public class RegistryManifestsSimulation extends RegistrySimulation {
  public RegistryManifestsSimulation() {
    TestImage image = imageInRegistry("manifests");
    run("manifests", "GET and HEAD of a manifest by tag in turn", List.of(GET_MANIFEST, HEAD_MANIFEST),
        warmUp -> exec(inRepository(preparedRepository("manifests"))).exec(roundRobinSwitch().on(
            exec(silentIf(warmUp, getManifest(image))),
            exec(silentIf(warmUp, headManifest(image))))));
  }
}
