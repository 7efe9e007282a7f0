package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static loadsuite.registry.RegistryRequests.BLOB_PUSH;
import static loadsuite.registry.RegistryRequests.GET_BLOB;
import static loadsuite.registry.RegistryRequests.GET_MANIFEST;
import static loadsuite.registry.RegistryRequests.PUT_MANIFEST;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.inRepository;
import static loadsuite.registry.RegistryRequests.preparedRepository;
import static loadsuite.registry.RegistryRequests.pullImage;
import static loadsuite.registry.RegistryRequests.pushImage;

import java.util.ArrayList;
import java.util.List;

/** Pull-heavy traffic: pulls of an image pushed before the load and, in the share of writes, pushes of it into new repositories. */
public class RegistryMixedSimulation extends RegistrySimulation {
  public RegistryMixedSimulation() {
    TestImage image = imageInRegistry("mixed");
    double writes = plan("mixed").workload().requireWritePercent().value();
    List<String> requests = new ArrayList<>(List.of(GET_MANIFEST, GET_BLOB));
    requests.addAll(BLOB_PUSH);
    requests.add(PUT_MANIFEST);
    run("mixed", "Pull and push images of " + image.describe(), requests,
        warmUp -> randomSwitch().on(
            percent(100 - writes).then(exec(inRepository(preparedRepository("mixed")), pullImage(image, warmUp))),
            percent(writes).then(exec(inNewRepository("mixed"), pushImage(image, warmUp)))));
  }
}
