package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.Interleave.branch;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.inRepository;
import static loadsuite.registry.RegistryRequests.preparedRepository;
import static loadsuite.registry.RegistryRequests.pullImage;
import static loadsuite.registry.RegistryRequests.pushImage;

import loadsuite.load.Interleave;
import loadsuite.oci.OciImage;
import loadsuite.suite.Load;

/** Pull-heavy traffic: pulls of an image pushed before the load and, in the share of writes, pushes of an image of its shape ({@link PushedContent}) into new repositories. */
public class RegistryMixedSimulation extends RegistrySimulation {
  public RegistryMixedSimulation() {
    RegistryKeys.MixedImages keys = keys(RegistryKeys.MixedImages.class);
    OciImage image = keys.pushed().image().generate();
    String repository = preparedRepository(workload().name());
    load(Load.of("Pull and push images of " + image.describe(),
            () -> Interleave.of(
                branch(keys.mix().reads(), exec(inRepository(repository), pullImage(image))),
                branch(keys.mix().writes(), exec(inNewRepository(workload().name()), pushImage(image, keys.pushed().content())))))
        .preparing(pushed(image, repository)));
  }
}
