package loadsuite.registry;

import loadsuite.registry.standin.RegistryStandIn;
import loadsuite.system.Service;
import loadsuite.system.SystemSpec;

/** The OCI registry (seed 000): one service, CNCF Distribution in container mode; workloads under {@code registry} in targets.conf. */
public final class RegistrySystem {
  /** The registry as a service: Freightliner's source and destination registries are this too. */
  public static Service registry(String name) {
    return Service.of(name, "/v2/", RegistryStandIn.class, RegistryStandIn::start, Service.LocalImage.DISTRIBUTION);
  }

  public static final SystemSpec SPEC = SystemSpec.named("registry")
      .service(registry("registry"))
      .workload("push", RegistryPushSimulation.class, RegistryKeys.PushedImage::read)
      .workload("pull", RegistryPullSimulation.class, RegistryKeys.Image::read)
      .workload("uploads", RegistryUploadsSimulation.class, RegistryKeys.BlobSize::read)
      .workload("manifests", RegistryManifestsSimulation.class, RegistryKeys.Image::read)
      .workload("blobs", RegistryBlobsSimulation.class, RegistryKeys.BlobSize::read)
      .workload("mixed", RegistryMixedSimulation.class, RegistryKeys.MixedImages::read)
      .build();

  private RegistrySystem() {}
}
