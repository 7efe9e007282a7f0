package loadsuite.system;

import java.time.Duration;

/** A workload's own keys that know how long the preparation before its load takes, for the plan of a set. */
public interface PlannedPreparation {
  Duration preparation();
}
