package loadsuite.container;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import loadsuite.sut.ProbeGoals;
import loadsuite.sut.ResourceProbes;
import loadsuite.sut.SutUnavailableException;
import loadsuite.sut.RunningService;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A system under test in its container, started with Testcontainers on host networking and a free
 * loopback port, ready once its health route answers; stopped when the run ends, passed or failed.
 */
public final class ContainerService implements RunningService {
  private static final Duration IDLE_SAMPLE_TIMEOUT = Duration.ofSeconds(10);
  private static final int LOG_LINES = 20;

  private final GenericContainer<?> container;
  private final MemorySampler memory;
  private final String image;
  private final String label;
  private final ProbeGoals goals;
  private final String baseUrl;
  private final Duration startup;
  private final long idle;

  private ContainerService(GenericContainer<?> container, MemorySampler memory, String image, String label,
      ProbeGoals goals, String baseUrl, Duration startup, long idle) {
    this.container = container;
    this.memory = memory;
    this.image = image;
    this.label = label;
    this.goals = goals;
    this.baseUrl = baseUrl;
    this.startup = startup;
    this.idle = idle;
  }

  /**
   * Starts a service's container and measures its startup and idle memory, before any load.
   *
   * @param key its block under {@code sut.container} ({@code registry}, {@code freightliner.source})
   * @param label how logs and goals name it ("registry", "freightliner source")
   * @param workloadEnv variables the workload adds to the block's environment
   */
  public static ContainerService start(ContainerSettings settings, String key, String label, String healthPath,
      Map<String, String> workloadEnv) {
    ContainerSettings.ServiceImage spec = settings.service(key);
    String image = spec.image(settings.images());
    DockerClient client = ContainerEngine.connect();
    ContainerEngine.requireImage(client, image, settings.images(), settings.pullTimeout());
    int port = freeLoopbackPort();
    String baseUrl = "http://127.0.0.1:" + port;
    HealthRouteWait ready = new HealthRouteWait(URI.create(baseUrl + healthPath));
    GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
        .withNetworkMode("host")
        .withEnv(spec.env(port))
        .withEnv(workloadEnv)
        .waitingFor(ready)
        .withStartupTimeout(settings.readyTimeout());
    if (!spec.command().isEmpty()) {
      container.withCommand(spec.command(port).toArray(String[]::new));
    }
    try {
      container.start();
    } catch (RuntimeException e) {
      String log = ready.logAtFailure().isEmpty() ? logOf(container) : ready.logAtFailure();
      container.stop();
      throw new SutUnavailableException("the " + label + " container (" + image + ") did not become ready: " + rootMessage(e)
          + ". The end of its log:\n" + (log.isBlank() ? "    (empty)" : ContainerEngine.tail(log, LOG_LINES))
          + "\nNo load was sent.", e);
    }
    // from the engine's start of the process, not from Testcontainers' inspect and create calls before it
    Duration startup = Duration.between(Instant.parse(container.getContainerInfo().getState().getStartedAt()), ready.readyAt());
    MemorySampler memory = MemorySampler.start(client, container.getContainerId());
    try {
      Long idle = memory.idle(IDLE_SAMPLE_TIMEOUT);
      if (idle == null) {
        throw new SutUnavailableException("the engine reported no memory figure for the " + label + " container within "
            + IDLE_SAMPLE_TIMEOUT.toSeconds() + " s. No load was sent.");
      }
      return new ContainerService(container, memory, image, label, spec.goals(), baseUrl, startup, idle);
    } catch (InterruptedException | RuntimeException e) {
      memory.close();
      container.stop();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new SutUnavailableException("interrupted while measuring the " + label + " container", e);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String mode() {
    return "container";
  }

  @Override
  public String description() {
    return "container " + image + " (" + label + ") at " + baseUrl;
  }

  @Override
  public Optional<ResourceProbes> probes() {
    return Optional.of(new ResourceProbes(label, image, startup, idle, memory.peak(), memory.samples(), goals));
  }

  @Override
  public void close() {
    memory.close();
    container.stop();
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new SutUnavailableException("no free loopback port for the container: " + e.getMessage(), e);
    }
  }

  private static String logOf(GenericContainer<?> container) {
    try {
      return container.getContainerId() == null ? "" : container.getLogs();
    } catch (RuntimeException e) {
      return "(its log could not be read: " + e.getMessage() + ")";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
