package loadsuite.sut;

import java.time.Duration;

/** The goals of a container's resource probes: each at most. */
public record ProbeGoals(Duration startup, long idleMemoryBytes, long peakMemoryBytes, String startupText,
    String idleMemoryText, String peakMemoryText) {}
