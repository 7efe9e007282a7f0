package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.registry.RegistryRequests.BLOB_PUSH;
import static loadsuite.registry.RegistryRequests.GET_BLOB;
import static loadsuite.registry.RegistryRequests.SEND_UPLOAD;
import static loadsuite.registry.RegistryRequests.getBlob;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;

import java.util.ArrayList;
import java.util.List;

/**
 * Blob throughput (seed 000): each iteration uploads a blob into a new repository and downloads
 * it again; the run report gives the MiB/s of each way.
 */
public class RegistryBlobsSimulation extends RegistrySimulation {
  public RegistryBlobsSimulation() {
    Blob blob = Blob.generate(plan("blobs").workload().requireBlobSize());
    List<String> requests = new ArrayList<>(BLOB_PUSH);
    requests.add(GET_BLOB);
    reportTransfer(SEND_UPLOAD, blob.size());
    reportTransfer(GET_BLOB, blob.size());
    run("blobs", "Upload and download a " + Blob.sizeText(blob.size()) + " blob", requests,
        warmUp -> exec(inNewRepository("blobs"), pushBlob(blob, warmUp)).exec(silentIf(warmUp, getBlob(blob))));
  }
}
