package loadsuite.registry;

import loadsuite.SuiteSimulation;
import loadsuite.load.Workload;

/**
 * A simulation of the OCI registry (seed 000): its targets are under {@code registry} in
 * targets.conf. A pulling workload asks for {@link #imageInRegistry}, which is pushed once into
 * the system before its load.
 */
abstract class RegistrySimulation extends SuiteSimulation {
  private TestImage prepared;
  private String preparedRepository;

  RegistrySimulation() {
    super("registry", "/v2/", RegistryStandIn::start);
  }

  /** The image of {@code layer-count} layers of {@code layer-size} the workload pushes or pulls. */
  protected TestImage image(String workload) {
    Workload w = plan(workload).workload();
    return TestImage.generate(w.requireLayerCount(), w.requireLayerSize());
  }

  /** The workload's image, pushed into {@link RegistryRequests#preparedRepository} before the load. */
  protected TestImage imageInRegistry(String workload) {
    prepared = image(workload);
    preparedRepository = RegistryRequests.preparedRepository(workload);
    return prepared;
  }

  @Override
  protected void prepare(String baseUrl) {
    if (prepared != null) {
      ImageSetup.push(baseUrl, preparedRepository, prepared);
    }
  }
}
