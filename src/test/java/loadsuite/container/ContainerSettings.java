package loadsuite.container;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import loadsuite.sut.ProbeGoals;
import loadsuite.config.TargetsException;
import loadsuite.config.Section;

/**
 * The {@code sut.container} block of targets.conf: which images (public or built here), how long
 * a container may take to answer, and each system's image, environment, command and probe goals.
 */
public record ContainerSettings(Images images, Duration readyTimeout, Duration pullTimeout, String jreImage,
    Map<String, ServiceImage> services) {

  /** Where the images come from. */
  public enum Images {
    /** Each system's public image, pulled when missing. */
    PUBLIC,
    /** Images built on this machine with nothing pulled ({@link LocalImages}). */
    LOCAL;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One service's container: {@code {port}} in its environment and command is the port the suite chose. */
  public record ServiceImage(String key, Map<Images, String> image, Map<String, String> env, List<String> command,
      ProbeGoals goals) {

    public String image(Images images) {
      return image.get(images);
    }

    public Map<String, String> env(int port) {
      Map<String, String> withPort = new LinkedHashMap<>();
      env.forEach((name, value) -> withPort.put(name, value.replace("{port}", String.valueOf(port))));
      return withPort;
    }

    public List<String> command(int port) {
      return command.stream().map(arg -> arg.replace("{port}", String.valueOf(port))).toList();
    }
  }

  private static final String PEAK = "peak-memory";
  private static final String PER_1000_RPS = "memory-per-1000rps";

  /** Keys of the block that are settings, not systems. */
  private static final List<String> SETTINGS = List.of("images", "ready-timeout", "pull-timeout", "jre-image");

  /**
   * Reads and validates the whole block, so that a mistake in it stops any run, whatever the mode.
   * A system of one service has its container block under its name; a system of several has one
   * block per service under its name ({@code freightliner { api {…}, source {…} }}).
   */
  public static ContainerSettings read(Section container) {
    String imagesText = container.string("images");
    Images images = switch (imagesText.trim()) {
      case "public" -> Images.PUBLIC;
      case "local" -> Images.LOCAL;
      default -> throw container.error("images", "public or local (-Dsut.container.images=local)");
    };
    Duration readyTimeout = container.duration("ready-timeout");
    Duration pullTimeout = container.duration("pull-timeout");
    String jreImage = container.string("jre-image");
    Map<String, ServiceImage> services = new LinkedHashMap<>();
    for (String system : container.keys()) {
      if (SETTINGS.contains(system)) {
        continue;
      }
      Section block = container.section(system);
      if (block.keys().contains("image")) {
        services.put(system, service(system, block));
      } else {
        for (String service : block.keys()) {
          services.put(system + "." + service, service(system + "." + service, block.section(service)));
        }
        block.rejectUnknownKeys();
      }
    }
    container.rejectUnknownKeys();
    return new ContainerSettings(images, readyTimeout, pullTimeout, jreImage, Map.copyOf(services));
  }

  /** The container of a service by its key ({@code registry}, {@code freightliner.source}), or an error naming those there are. */
  public ServiceImage service(String key) {
    ServiceImage image = services.get(key);
    if (image == null) {
      throw new TargetsException("sut.container has no block for " + key + "; it has "
          + String.join(", ", new TreeSet<>(services.keySet())) + ": add sut.container." + key
          + " { image { public = …, local = … }, env {}, command = [], goals { … } }");
    }
    return image;
  }

  private static ServiceImage service(String key, Section section) {    Section imageSection = section.section("image");
    Map<Images, String> image = new LinkedHashMap<>();
    for (Images images : Images.values()) {
      String name = imageSection.string(images.key());
      if (name.isBlank()) {
        throw imageSection.error(images.key(), "an image name such as registry:2");
      }
      image.put(images, name);
    }
    imageSection.rejectUnknownKeys();
    Map<String, String> env = section.stringMap("env");
    List<String> command = section.stringList("command");
    Section goals = section.section("goals");
    Long peak = goals.has(PEAK) ? goals.size(PEAK) : null;
    Long perThousand = goals.has(PER_1000_RPS) ? goals.size(PER_1000_RPS) : null;
    if (peak == null && perThousand == null) {
      throw goals.error(PEAK, "a peak memory goal: " + PEAK + " (absolute) or " + PER_1000_RPS + " (per 1000 req/s achieved)");
    }
    ProbeGoals probeGoals = new ProbeGoals(goals.duration("startup"), goals.size("idle-memory"), peak, perThousand,
        goals.string("startup"), goals.string("idle-memory"), peak == null ? null : goals.string(PEAK),
        perThousand == null ? null : goals.string(PER_1000_RPS));
    goals.rejectUnknownKeys();
    section.rejectUnknownKeys();
    return new ServiceImage(key, Map.copyOf(image), env, command, probeGoals);
  }
}
