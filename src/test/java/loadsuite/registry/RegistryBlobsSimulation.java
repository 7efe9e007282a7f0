package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.registry.RegistryRequests.GET_BLOB;
import static loadsuite.registry.RegistryRequests.SEND_UPLOAD;
import static loadsuite.registry.RegistryRequests.getBlob;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;

import loadsuite.oci.Blob;
import loadsuite.suite.Load;

/**
 * Blob throughput (seed 000): each iteration uploads a blob into a new repository and downloads
 * it again; the run report gives the MiB/s of each way.
 */
public class RegistryBlobsSimulation extends RegistrySimulation {
  public RegistryBlobsSimulation() {
    Blob blob = keys(RegistryKeys.BlobSize.class).generate();
    load(Load.of("Upload and download a " + Blob.sizeText(blob.size()) + " blob",
            warmUp -> exec(inNewRepository(workload().name()), pushBlob(blob, warmUp)).exec(silentIf(warmUp, getBlob(blob))))
        .transferring(SEND_UPLOAD, blob.size())
        .transferring(GET_BLOB, blob.size()));
  }
}
