package loadsuite.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import org.junit.jupiter.api.Test;

class ContainerSettingsTest {
  private static ContainerSettings read(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return ContainerSettings.read(Targets.load(Path.of("targets.conf"), properties).sut().section("container"));
  }

  @Test
  void theDefaultsArePublicImagesWithTheSeedsGoals() {
    ContainerSettings settings = read();
    assertThat(settings.images()).isEqualTo(ContainerSettings.Images.PUBLIC);
    ContainerSettings.ServiceImage registry = settings.service("registry");
    assertThat(registry.image(ContainerSettings.Images.PUBLIC)).isEqualTo("registry:2");
    assertThat(registry.image(ContainerSettings.Images.LOCAL)).isEqualTo("loadsuite/distribution:local");
    assertThat(registry.goals().startup()).isEqualTo(Duration.ofSeconds(2));
    assertThat(registry.goals().idleMemoryBytes()).isEqualTo(50_000_000L);
  }

  @Test
  void thePortTheSuiteChoseGoesIntoEnvironmentAndCommand() {
    ContainerSettings settings = read();
    assertThat(settings.service("registry").env(41234)).isEqualTo(Map.of("REGISTRY_HTTP_ADDR", "127.0.0.1:41234"));
    assertThat(settings.service("runtime").command(41234)).isEqualTo(List.of("127.0.0.1", "41234"));
  }

  @Test
  void aCommandFromTheCommandLineIsSplitAtSpaces() {
    assertThat(read("sut.container.runtime.command", "127.0.0.1  {port}").service("runtime").command(80))
        .isEqualTo(List.of("127.0.0.1", "80"));
  }

  @Test
  void anImageOfTheUsersOwnReplacesTheDefault() {
    assertThat(read("sut.container.registry.image.public", "mycorp/registry:3.1").service("registry")
        .image(ContainerSettings.Images.PUBLIC)).isEqualTo("mycorp/registry:3.1");
  }

  @Test
  void badValuesAndKeysNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> read("sut.container.images", "remote"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'sut.container.images' must be public or local");
    assertThatThrownBy(() -> read("sut.container.registry.goals.idle-memory", "50"))
        .isInstanceOf(TargetsException.class)
        .hasMessageContaining("'sut.container.registry.goals.idle-memory' must be a size above zero with a unit");
    assertThatThrownBy(() -> read("sut.container.registry.goals.startup", "2"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("'sut.container.registry.goals.startup' must be a duration");
    assertThatThrownBy(() -> read("sut.container.runtime.goals.cpu", "50%"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("unknown key 'sut.container.runtime.goals.cpu'");
    assertThatThrownBy(() -> read("sut.container.registry.image.public", " "))
        .isInstanceOf(TargetsException.class).hasMessageContaining("must be an image name");
  }

  @Test
  void aSystemWithoutAContainerBlockIsNamed() {
    assertThatThrownBy(() -> read().service("ledger"))
        .isInstanceOf(TargetsException.class).hasMessageContaining("sut.container has no block for ledger");
  }
}
