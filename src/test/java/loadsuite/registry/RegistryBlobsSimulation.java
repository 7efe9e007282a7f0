package loadsuite.registry;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.load.PacedConnections.silentIf;
import static loadsuite.registry.RegistryRequests.BLOB_PUSH;
import static loadsuite.registry.RegistryRequests.GET_BLOB;
import static loadsuite.registry.RegistryRequests.getBlob;
import static loadsuite.registry.RegistryRequests.inNewRepository;
import static loadsuite.registry.RegistryRequests.pushBlob;

import java.util.ArrayList;
import java.util.List;

/**
 * Blob throughput (seed 000): each iteration uploads a blob into a new repository and downloads
 * it again. MiB/s each way = throughput of the PUT (upload) or the GET (download) × blob-size.
 */
public class RegistryBlobsSimulation extends RegistrySimulation {
  public RegistryBlobsSimulation() {
    Blob blob = Blob.generate(plan("blobs").workload().requireBlobSize());
    List<String> requests = new ArrayList<>(BLOB_PUSH);
    requests.add(GET_BLOB);
    run("blobs", "Upload and download a " + Blob.sizeText(blob.size()) + " blob", requests,
        warmUp -> exec(inNewRepository("blobs"), pushBlob(blob, warmUp)).exec(silentIf(warmUp, getBlob(blob))));
  }
}
