package loadsuite.system;

import loadsuite.load.Workload;
import loadsuite.standin.StandIn;

/**
 * One process of a system under test, with its own base URL in every mode: its name (a key of
 * {@code sut.urls} and, for a system of several services, of its {@code sut.container} block),
 * the route that answers when it is up, its stand-in (embedded mode, and the program of a
 * stand-in image), and how its local container image is built.
 */
public record Service(String name, String healthPath, Class<? extends StandIn> standInClass, EmbeddedStart standIn,
    LocalImage localImage) {

  /** Starts the stand-in for a workload (which may size its data); port 0 picks a free port. */
  @FunctionalInterface
  public interface EmbeddedStart {
    StandIn start(String host, int port, Workload workload);
  }

  /** How {@code ./mvnw test-compile exec:java@images -Dsut.container.images=local} builds the service's image. */
  public enum LocalImage {
    /** The stand-in's classes and jars on a jlinked runtime. */
    STAND_IN,
    /** CNCF Distribution from Debian's docker-registry binary (public mode pulls registry:2 instead). */
    DISTRIBUTION
  }

  /** A service whose stand-in needs nothing from the workload. */
  public static Service of(String name, String healthPath, Class<? extends StandIn> standInClass, StandIn.Factory standIn,
      LocalImage localImage) {
    return new Service(name, healthPath, standInClass, (host, port, workload) -> standIn.start(host, port), localImage);
  }
}
