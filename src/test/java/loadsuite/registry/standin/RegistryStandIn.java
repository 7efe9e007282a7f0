package loadsuite.registry.standin;

import io.undertow.Handlers;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import loadsuite.standin.StandInServer;
import loadsuite.standin.StandIn;
import loadsuite.standin.StandInMain;

/**
 * The OCI container registry of seed 000 as an embedded stand-in: the distribution API
 * {@code /v2} as real clients use it (push by upload sessions, pull with Accept, mounts, ranges,
 * tags and catalog pagination), with the spec's error bodies. Built on Undertow.
 *
 * <p>Every request runs on a worker thread in blocking mode, so that blob bodies stream between
 * the socket and the storage without holding an I/O thread; the small answers lose little by it.
 */
public final class RegistryStandIn implements StandIn {
  /**
   * Where a pushed blob is visible: in the repositories that pushed or mounted it (as CNCF
   * Distribution), or in every repository once any holds it (as the seed's own registry, whose one
   * blob store answers 200 to a HEAD of the blob in any repository; the spec allows both).
   */
  public enum BlobScope { REPOSITORY, GLOBAL }

  /** Each one holds a blob transfer in flight: enough that the stand-in does not queue a load test's requests. */
  private static final int WORKER_THREADS = 64;

  private final Storage storage;
  private final BlobStore blobs;
  private final Uploads uploads;
  private final StandInServer server;

  private RegistryStandIn(String host, int port, Storage storage, BlobScope scope) {
    this.storage = storage;
    blobs = new BlobStore(storage, scope);
    uploads = new Uploads(blobs);
    HttpHandler routes = new RegistryRoutes(blobs, uploads, new Repositories());
    // 100-continue is answered when a route reads the body, so a rejected upload is never sent
    HttpHandler blocking = Handlers.httpContinueRead(new BlockingHandler(routes));
    HttpHandler withApiVersion = exchange -> {
      exchange.getResponseHeaders().put(Exchanges.API_VERSION, "registry/2.0");
      blocking.handleRequest(exchange);
    };
    server = StandInServer.start(host, port, withApiVersion, builder -> builder
        .setWorkerThreads(WORKER_THREADS)
        // routes lower it per request; this bounds the bodies that nothing reads
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, storage.maxBlobBytes()));
  }

  /** Starts on {@code host:port} with blobs in memory; port 0 picks a free one. */
  public static RegistryStandIn start(String host, int port) {
    return start(host, port, Storage.memory());
  }

  /** Starts on {@code host:port} with blobs in {@code storage}, which it closes when it stops. */
  public static RegistryStandIn start(String host, int port, Storage storage) {
    return start(host, port, storage, BlobScope.REPOSITORY);
  }

  /** Starts on {@code host:port} with blobs in {@code storage}, visible as {@code scope} says. */
  public static RegistryStandIn start(String host, int port, Storage storage, BlobScope scope) {
    return new RegistryStandIn(host, port, storage, scope);
  }

  /** Runs it alone, blobs in memory: {@code RegistryStandIn [host] [port]}. */
  public static void main(String[] args) throws InterruptedException {
    StandInMain.run(args, RegistryStandIn::start);
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String description() {
    return "OCI registry stand-in at " + baseUrl() + ", blobs " + storage + (blobs.global() ? ", visible in every repository" : "");
  }

  /** How many distinct blobs are stored. */
  int blobCount() {
    return blobs.count();
  }

  /** Stops taking requests (503 to new ones), lets those in flight finish, then stops and frees the storage. */
  @Override
  public void close() {
    server.close();
    uploads.close();
    storage.close();
  }
}
