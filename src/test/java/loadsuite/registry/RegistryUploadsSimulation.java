package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;

import loadsuite.oci.Blob;
import loadsuite.suite.Load;

/** Concurrent uploads (seed 000): bursts of simultaneous blob uploads, each into its own repository. */
public class RegistryUploadsSimulation extends RegistrySimulation {
  public RegistryUploadsSimulation() {
    Blob blob = keys(RegistryKeys.BlobSize.class).generate();
    load(Load.of("Simultaneous uploads of a " + Blob.sizeText(blob.size()) + " blob",
        warmUp -> exec(inNewRepository(workload().name()), pushBlob(blob, warmUp))));
  }
}
