package loadsuite.sut;

import java.time.Duration;

/**
 * What a container cost, from the engine's own accounting, with the goals it is held to: time
 * from the engine's start of it ({@code State.StartedAt}) until its health route answered, memory at idle before the load, and the highest
 * memory sampled during it. Memory is the engine's "used" figure (the cgroup's usage less its
 * inactive file cache, as {@code docker stats} shows it), sampled about once a second.
 */
public record ResourceProbes(String label, String image, Duration startup, long idleMemoryBytes, long peakMemoryBytes,
    int samples, ProbeGoals goals) {}
