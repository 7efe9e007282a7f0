package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.registry.RegistryRequests.GET_BLOB;
import static loadsuite.registry.RegistryRequests.SEND_UPLOAD;
import static loadsuite.registry.RegistryRequests.getBlob;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;
import static loadsuite.registry.RegistryRequests.withBlob;

import java.util.Locale;
import java.util.function.Supplier;
import loadsuite.oci.Blob;
import loadsuite.suite.Load;

/**
 * Blob throughput (seed 000): each iteration uploads a blob into a new repository and downloads
 * it again; the run report gives the MiB/s of each way. With {@code content = shared}, a registry
 * that holds the blob already is sent no upload, and its PATCHes (and their data rate) are fewer.
 */
public class RegistryBlobsSimulation extends RegistrySimulation {
  public RegistryBlobsSimulation() {
    RegistryKeys.BlobSize keys = keys(RegistryKeys.BlobSize.class);
    Blob blob = keys.generate();
    Supplier<Blob> blobs = keys.content().of(blob);
    load(Load.of("Upload and download a " + Blob.sizeText(blob.size()) + " blob (" + keys.content().name().toLowerCase(Locale.ROOT) + ")",
            () -> exec(inNewRepository(workload().name()), withBlob(blobs), pushBlob(RegistryRequests::sessionBlob))
                .exec(getBlob(RegistryRequests::sessionBlob)))
        .transferring(SEND_UPLOAD, blob.size())
        .transferring(GET_BLOB, blob.size()));
  }
}
