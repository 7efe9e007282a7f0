package loadsuite.suite;

import java.util.Map;
import java.util.stream.Stream;
import loadsuite.system.SystemSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What each system's end-to-end test checks first: every one of its simulations at the smoke
 * profile, against its embedded system, run as a user runs it, meets every goal of targets.conf.
 */
public abstract class SimulationsEndToEndTest {
  protected static final long TIMEOUT_SECONDS = 180;
  private final SystemSpec system;
  private final String embedded;

  /**
   * @param embedded how a run names the embedded system it ran against: {@code embedded runtime
   *     stand-in at http://127.0.0.1:}
   */
  protected SimulationsEndToEndTest(SystemSpec system, String embedded) {
    this.system = system;
    this.embedded = embedded;
  }

  /** What a simulation's smoke run must also show beyond its goals; nothing unless a system says. */
  protected void alsoShows(Class<?> simulation, String output) {}

  @TestFactory
  Stream<DynamicTest> everySimulationMeetsItsSmokeGoals() {
    return system.simulations().stream().map(simulation -> DynamicTest.dynamicTest(simulation.getSimpleName(), () -> {
      GatlingRun.Result run = GatlingRun.run(simulation, Map.of("profile", "smoke"), TIMEOUT_SECONDS);
      run.assertMetEveryGoal(embedded, system.name() + ".");
      alsoShows(simulation, run.output());
    }));
  }
}
