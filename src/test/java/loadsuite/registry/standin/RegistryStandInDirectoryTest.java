package loadsuite.registry.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every test of {@link RegistryStandInTest} again, with blobs in a temporary folder. */
class RegistryStandInDirectoryTest extends RegistryStandInTest {
  @TempDir
  static Path parent;

  @Override
  Storage storage() {
    return Storage.directory(parent);
  }

  @Test
  void blobsAreFilesThatGoWhenTheStandInStops(@TempDir Path ownParent) throws Exception {
    RegistryStandIn own = RegistryStandIn.start("127.0.0.1", 0, Storage.directory(ownParent));
    String digest = new RegistryTestClient(own.baseUrl()).pushBlob("files/app", "a blob".getBytes());
    assertThat(own.description()).contains(ownParent.toString());
    try (Stream<Path> files = Files.walk(ownParent)) {
      assertThat(files.map(Path::getFileName).map(Path::toString)).contains(digest.substring("sha256:".length()));
    }

    own.close();

    try (Stream<Path> files = Files.list(ownParent)) {
      assertThat(files).isEmpty();
    }
  }
}
