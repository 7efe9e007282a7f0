package loadsuite.sut;

import java.time.Duration;

/**
 * The goals of a container's resource probes, each at most, as targets.conf writes them: startup,
 * idle memory, and the peak memory during the load, absolute ({@code peak-memory}) or per 1000
 * requests per second the run achieved ({@code memory-per-1000rps}, seed 002's form); either peak
 * goal may be left out (null).
 */
public record ProbeGoals(Duration startup, long idleMemoryBytes, Long peakMemoryBytes, Long memoryPer1000RpsBytes, String startupText,
    String idleMemoryText, String peakMemoryText, String memoryPer1000RpsText) {}
