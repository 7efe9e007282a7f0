package loadsuite.freightliner;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static loadsuite.freightliner.FreightlinerRequests.copyImage;
import static loadsuite.freightliner.FreightlinerRequests.nextCopy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import loadsuite.oci.OciClient;
import loadsuite.oci.OciException;
import loadsuite.oci.OciImage;
import loadsuite.sut.RunningSystem;
import loadsuite.sut.SutUnavailableException;
import loadsuite.suite.Load;
import loadsuite.suite.SuiteSimulation;

/** A simulation of Freightliner (seed 003): its data path between two registries, or its job API. */
abstract class FreightlinerSimulation extends SuiteSimulation {
  private volatile FreightlinerApiKey apiKey;

  FreightlinerSimulation() {
    super(FreightlinerSystem.SPEC);
  }

  /**
   * The workers' image copies from the source to a new destination repository each: the load of
   * the replication and workers workloads. Its data rate counts the bytes of each image copied.
   */
  final Load imageCopies() {
    FreightlinerKeys.Images images = keys(FreightlinerKeys.Images.class);
    OciImage image = images.generate();
    String source = FreightlinerRequests.sourceRepository(workload().name());
    return Load.of("Copy images of " + image.describe() + " from the source registry to the destination",
            () -> exec(nextCopy("loadtest/" + workload().name(), images.tags()), copyImage(source, image)))
        .preparing(pushed(image, images.tags(), List.of(source)))
        .transferring(FreightlinerRequests.COPY_IMAGE, image.blobBytes() + image.manifest().size());
  }

  /**
   * A preparation that pushes {@code image} under {@code tags} tags into each of the source's
   * {@code repositories}; a registry that does not take it stops the run before any load.
   */
  static Consumer<RunningSystem> pushed(OciImage image, int tags, List<String> repositories) {
    return system -> {
      OciClient source = new OciClient(system.baseUrl(FreightlinerRequests.SOURCE));
      try {
        for (String repository : repositories) {
          for (int i = 0; i < tags; i++) {
            source.pushImage(repository, FreightlinerRequests.tag(i), image);
          }
        }
      } catch (OciException e) {
        throw new SutUnavailableException("the source registry at " + source.baseUrl() + " did not take the images the workload copies ("
            + e.getMessage() + ")", e);
      }
      System.out.printf("Pushed %s under %d tag%s into %d repositor%s of the source registry%n", image.describe(), tags,
          tags == 1 ? "" : "s", repositories.size(), repositories.size() == 1 ? "y" : "ies");
    };
  }

  /** Reads the job API's key where the system runs, then runs {@code preparation}; every virtual user sends the key. */
  final Load withApiKey(Load load, Consumer<RunningSystem> preparation) {
    return load.preparing(system -> {
          apiKey = FreightlinerApiKey.of(system);
          System.out.println("Job API: " + apiKey.describe());
          preparation.accept(system);
        })
        .feeding(() -> {
          Map<String, Object> record = Map.of(FreightlinerRequests.API_KEY, apiKey.key());
          return Stream.generate(() -> record).iterator();
        });
  }
}
