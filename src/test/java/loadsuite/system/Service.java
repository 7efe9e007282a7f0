package loadsuite.system;

import java.util.Map;
import loadsuite.load.Workload;
import loadsuite.standin.StandIn;

/**
 * One process of a system under test, with its own base URL in every mode: its name (a key of
 * {@code sut.urls} and, for a system of several services, of its {@code sut.container} block),
 * the route that answers when it is up, its stand-in (embedded mode, and the program of a
 * stand-in image), how its local container image is built, and what a workload adds to its
 * container's environment.
 */
public record Service(String name, String healthPath, Class<? extends StandIn> standInClass, EmbeddedStart standIn,
    LocalImage localImage, ContainerEnv containerEnv) {

  /** A service whose container's environment is its {@code sut.container} block's alone. */
  public Service(String name, String healthPath, Class<? extends StandIn> standInClass, EmbeddedStart standIn,
      LocalImage localImage) {
    this(name, healthPath, standInClass, standIn, localImage, workload -> Map.of());
  }

  /**
   * Variables a workload adds to the container's environment (over its {@code sut.container}
   * block's): what the embedded stand-in takes from the workload's keys, for a stand-in image.
   */
  @FunctionalInterface
  public interface ContainerEnv {
    Map<String, String> of(Workload workload);
  }

  public Service withContainerEnv(ContainerEnv env) {
    return new Service(name, healthPath, standInClass, standIn, localImage, env);
  }

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
