package loadsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import loadsuite.config.Targets;
import loadsuite.config.TargetsException;
import loadsuite.system.SystemCatalog;
import org.junit.jupiter.api.Test;

class SimulationSetTest {
  private static final Targets SMOKE = Targets.load(Path.of("targets.conf"), new Properties());

  private static List<String> resolve(String... pairs) {
    Properties properties = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.setProperty(pairs[i], pairs[i + 1]);
    }
    return SimulationSet.resolve(properties, () -> SMOKE);
  }

  private static List<String> simulationsOf(String system) {
    return SystemCatalog.named(system).simulations().stream().map(Class::getName).toList();
  }

  @Test
  void theGatlingPluginsPatternsAndASystemsNameNameTheSameSet() {
    List<String> nebulagc = simulationsOf("nebulagc");
    assertThat(resolve(SimulationSet.INCLUDES, "loadsuite.nebulagc.*")).containsExactlyElementsOf(nebulagc);
    assertThat(resolve(SimulationSet.PROPERTY, "nebulagc")).containsExactlyElementsOf(nebulagc);
    assertThat(resolve(SimulationSet.INCLUDES, "loadsuite.nebulagc.*", SimulationSet.EXCLUDES, "*Mixed*,*Connections*"))
        .hasSize(nebulagc.size() - 2).noneMatch(s -> s.contains("Mixed") || s.contains("Connections"));
    assertThat(resolve(SimulationSet.SIMULATION_CLASS, "loadsuite.packs.PacksListSimulation")).containsExactly("loadsuite.packs.PacksListSimulation");
  }

  @Test
  void namesSystemsAndClassesMixInTheSuitesOrderOnceEach() {
    assertThat(resolve()).containsExactlyElementsOf(SimulationSet.all());
    assertThat(resolve(SimulationSet.PROPERTY, "PacksListSimulation, runtime ,loadsuite.packs.PacksListSimulation"))
        .startsWith("loadsuite.packs.PacksListSimulation").containsAll(simulationsOf("runtime")).hasSize(1 + simulationsOf("runtime").size());
  }

  @Test
  void aNameOrPatternThatNamesNothingSaysWhatDoes() {
    assertThatThrownBy(() -> resolve(SimulationSet.PROPERTY, "nebula")).isInstanceOf(TargetsException.class)
        .hasMessageStartingWith("unknown simulation or system 'nebula': name a system (runtime, registry, packs, freightliner, nebulagc)");
    assertThatThrownBy(() -> resolve(SimulationSet.INCLUDES, "loadsuite.nebula.*")).isInstanceOf(TargetsException.class)
        .hasMessageContaining("pattern 'loadsuite.nebula.*' matches no simulation");
    assertThatThrownBy(() -> resolve(SimulationSet.PROPERTY, "soak")).isInstanceOf(TargetsException.class)
        .hasMessageContaining("profile 'smoke' names no soak-workloads: run the soak set with -Dprofile=soak");
  }
}
