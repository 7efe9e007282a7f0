package loadsuite.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import loadsuite.sut.SutUnavailableException;
import org.testcontainers.DockerClientFactory;

/**
 * The container engine, reached through Testcontainers: checked before anything is started, so
 * that a missing engine, setting or image stops the run with the fix, before any load.
 */
public final class ContainerEngine {
  /**
   * Testcontainers reads these only from the environment. The suite runs containers with host
   * networking on loopback and stops them itself, so it needs neither Ryuk (which would be pulled
   * and needs a bridge network) nor the checks (which pull alpine), and the host is always localhost.
   */
  public static final Map<String, String> REQUIRED_ENVIRONMENT = Map.of(
      "TESTCONTAINERS_RYUK_DISABLED", "true",
      "TESTCONTAINERS_HOST_OVERRIDE", "localhost",
      "TESTCONTAINERS_CHECKS_DISABLE", "true");

  private static final String HOW_TO_START = "start one as root with: bash .ci/engine start"
      + " (Debian's docker.io with host networking only; docs/container-mode.md), or run without containers:"
      + " -Dsut.mode=embedded";

  private ContainerEngine() {}

  /** The engine's client, once the environment is right and the engine answers. */
  public static DockerClient connect() {
    requireEngine(DockerClientFactory.instance()::isDockerAvailable);
    return DockerClientFactory.instance().client();
  }

  /** Stops with the fix unless the environment is right and {@code engineAnswers}. */
  static void requireEngine(java.util.function.BooleanSupplier engineAnswers) {
    List<String> missing = REQUIRED_ENVIRONMENT.entrySet().stream()
        .filter(e -> !e.getValue().equals(System.getenv(e.getKey())))
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .toList();
    if (!missing.isEmpty()) {
      throw new SutUnavailableException("container mode needs, in the environment (Testcontainers reads them only"
          + " there): export " + String.join(" ", missing) + ". No load was sent.");
    }
    if (!engineAnswers.getAsBoolean()) {
      String where = System.getenv("DOCKER_HOST") == null ? "unix:///var/run/docker.sock" : System.getenv("DOCKER_HOST");
      throw new SutUnavailableException("no container engine answers at " + where + ": " + HOW_TO_START
          + ". No load was sent.");
    }
  }

  /** Makes sure {@code image} is on the engine: pulls it when missing, and says what to do when that fails. */
  public static void requireImage(DockerClient client, String image, ContainerSettings.Images images, Duration pullTimeout) {
    if (hasImage(client, image)) {
      return;
    }
    if (images == ContainerSettings.Images.LOCAL) {
      throw new SutUnavailableException("the local image " + image + " is not on this machine: build the local images"
          + " with ./mvnw test-compile exec:java@images (nothing is pulled). No load was sent.");
    }
    try {
      if (!client.pullImageCmd(image).start().awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SutUnavailableException("pulling " + image + " took longer than sut.container.pull-timeout ("
            + pullTimeout.toSeconds() + " s). No load was sent.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SutUnavailableException("interrupted while pulling " + image, e);
    } catch (RuntimeException e) {
      throw new SutUnavailableException("the image " + image + " is not on this machine and cannot be pulled ("
          + firstLine(e) + "): on a machine without access to its registry, build the local images with"
          + " ./mvnw test-compile exec:java@images and run with -Dsut.container.images=local;"
          + " or load the image yourself (docker load). No load was sent.", e);
    }
  }

  public static boolean hasImage(DockerClient client, String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  /** The last {@code count} lines of a container's log, for an error message. */
  static String tail(String log, int count) {
    List<String> lines = log.lines().toList();
    return lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
        .map(line -> "    | " + line).collect(Collectors.joining("\n"));
  }
}
