package loadsuite.freightliner;

import loadsuite.config.TargetsException;
import loadsuite.sut.RunningSystem;
import loadsuite.suite.Secrets;

/**
 * The key the job API asks for in {@code X-API-Key}, where the system runs: the embedded stand-in's
 * own, the container's {@code FREIGHTLINER_API_KEY} in targets.conf, or the operator's
 * {@code -Dsut.credentials.freightliner.api-key=…} in external mode. Never printed in full.
 */
record FreightlinerApiKey(String key, String origin) {
  static final String CONTAINER_ENV = "FREIGHTLINER_API_KEY";
  static final String OPTION = "api-key";

  /** The key of the job API as it runs, whatever the registries' mode (an embedded API beside external registries has its own key). */
  static FreightlinerApiKey of(RunningSystem system) {
    return switch (system.mode(FreightlinerSystem.SPEC.primary().name())) {
      case "embedded" -> new FreightlinerApiKey(FreightlinerSystem.EMBEDDED_API_KEY, "the embedded stand-in's");
      case "container" -> {
        String container = FreightlinerSystem.SPEC.containerKey(FreightlinerSystem.SPEC.primary());
        yield new FreightlinerApiKey(Secrets.containerEnv(container, CONTAINER_ENV).orElseThrow(() -> new TargetsException(
            "the job API's container runs without a key: set sut.container." + container + ".env." + CONTAINER_ENV
                + " in targets.conf (the suite runs Freightliner with authentication on)")),
            "the container's environment in targets.conf");
      }
      default -> new FreightlinerApiKey(Secrets.option(FreightlinerSystem.NAME, OPTION).orElseThrow(() -> new TargetsException(
          "the job API's key is needed (X-API-Key): give it with -Dsut.credentials." + FreightlinerSystem.NAME + "." + OPTION + "=… (missing)")),
          "-Dsut.credentials." + FreightlinerSystem.NAME + "." + OPTION);
    };
  }

  String describe() {
    return "API key " + Secrets.masked(key) + " (" + origin + ")";
  }
}
