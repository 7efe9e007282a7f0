package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.BLOB_PUSH;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;

/** Concurrent uploads (seed 000): bursts of simultaneous blob uploads, each into its own repository. */
public class RegistryUploadsSimulation extends RegistrySimulation {
  public RegistryUploadsSimulation() {
    Blob blob = Blob.generate(plan("uploads").workload().requireBlobSize());
    run("uploads", "Simultaneous uploads of a " + Blob.sizeText(blob.size()) + " blob", BLOB_PUSH,
        warmUp -> exec(inNewRepository("uploads"), pushBlob(blob, warmUp)));
  }
}
