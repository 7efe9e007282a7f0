package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;
import static loadsuite.registry.RegistryRequests.withBlob;

import java.util.Locale;
import java.util.function.Supplier;
import loadsuite.oci.Blob;
import loadsuite.suite.Load;

/** Concurrent uploads (seed 000): bursts of simultaneous blob uploads, each into its own repository. */
public class RegistryUploadsSimulation extends RegistrySimulation {
  public RegistryUploadsSimulation() {
    RegistryKeys.BlobSize keys = keys(RegistryKeys.BlobSize.class);
    Blob blob = keys.generate();
    Supplier<Blob> blobs = keys.content().of(blob);
    load(Load.of("Simultaneous uploads of a " + Blob.sizeText(blob.size()) + " blob (" + keys.content().name().toLowerCase(Locale.ROOT) + ")",
        () -> exec(inNewRepository(workload().name()), withBlob(blobs), pushBlob(RegistryRequests::sessionBlob))));
  }
}
