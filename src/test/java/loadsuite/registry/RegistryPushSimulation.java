package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushImage;

import java.util.Locale;
import loadsuite.oci.OciImage;
import loadsuite.suite.Load;

/** Image pushes: each iteration pushes the config blob and the layers, then the manifest, into a new repository ({@link PushedContent}). */
public class RegistryPushSimulation extends RegistrySimulation {
  public RegistryPushSimulation() {
    RegistryKeys.PushedImage keys = keys(RegistryKeys.PushedImage.class);
    OciImage image = keys.image().generate();
    load(Load.of("Push an image of " + image.describe() + " (" + keys.content().name().toLowerCase(Locale.ROOT) + ")",
        () -> exec(inNewRepository(workload().name()), pushImage(image, keys.content()))));
  }
}
