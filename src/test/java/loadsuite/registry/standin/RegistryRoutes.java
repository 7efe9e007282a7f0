package loadsuite.registry.standin;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends each request to its route, and turns {@link RegistryError}s into the spec's error answers. */
final class RegistryRoutes implements HttpHandler {
  private final Repositories repositories;
  private final BlobRoutes blobs;
  private final ManifestRoutes manifests;

  RegistryRoutes(BlobStore blobStore, Uploads uploads, Repositories repositories) {
    this.repositories = repositories;
    this.blobs = new BlobRoutes(blobStore, uploads, repositories);
    this.manifests = new ManifestRoutes(blobStore, repositories);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (RegistryError e) {
      Exchanges.error(exchange, e);
    }
  }

  private void route(HttpServerExchange exchange) throws IOException {
    String rawPath = exchange.getRequestURI();
    RegistryPath path = RegistryPath.parse(rawPath);
    if (path == null) {
      throw new RegistryError(404, RegistryError.Code.UNSUPPORTED, "no route " + rawPath);
    }
    HttpString method = exchange.getRequestMethod();
    if (!path.route().methods.contains(method)) {
      throw new RegistryError(405, RegistryError.Code.UNSUPPORTED, method + " is not a method of " + rawPath)
          .withHeader("Allow", path.route().methods.stream().map(HttpString::toString).sorted()
              .collect(Collectors.joining(", ")));
    }
    boolean head = method.equals(Methods.HEAD);
    switch (path.route()) {
      case HEALTH -> Exchanges.json(exchange, 200, Map.of("status", "healthy"));
      case BASE -> Exchanges.json(exchange, 200, Map.of());
      case CATALOG -> Exchanges.json(exchange, 200,
          Map.of("repositories", Page.of(repositories.names(), exchange, "/v2/_catalog")));
      case TAGS -> tags(exchange, path);
      case MANIFEST -> {
        if (method.equals(Methods.PUT)) {
          manifests.put(exchange, path);
        } else if (method.equals(Methods.DELETE)) {
          manifests.delete(exchange, path);
        } else {
          manifests.read(exchange, path, !head);
        }
      }
      case BLOB -> {
        if (method.equals(Methods.DELETE)) {
          blobs.delete(exchange, path);
        } else {
          blobs.read(exchange, path, !head);
        }
      }
      case UPLOAD_START -> blobs.startUpload(exchange, path);
      case UPLOAD -> {
        if (method.equals(Methods.PATCH)) {
          blobs.appendChunk(exchange, path);
        } else if (method.equals(Methods.PUT)) {
          blobs.finishUpload(exchange, path);
        } else if (method.equals(Methods.DELETE)) {
          blobs.cancelUpload(exchange, path);
        } else {
          blobs.status(exchange, path);
        }
      }
    }
  }

  private void tags(HttpServerExchange exchange, RegistryPath path) {
    Repository repository = repositories.find(path.name());
    if (repository == null) {
      throw new RegistryError(404, RegistryError.Code.NAME_UNKNOWN, path.name() + " has no content");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", path.name());
    body.put("tags", Page.of(repository.tags(), exchange, "/v2/" + path.name() + "/tags/list"));
    Exchanges.json(exchange, 200, body);
  }
}
