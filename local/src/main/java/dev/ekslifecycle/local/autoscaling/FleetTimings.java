package dev.ekslifecycle.local.autoscaling;

import java.time.Duration;

/**
 * How long a managed node group's steps take: a running instance's kubelet joining the cluster, the drain limit
 * after which a roll gives up evicting (15 minutes on EKS), the pause between eviction attempts, and the wait
 * between a drained node and its termination (60 s on EKS).
 */
public record FleetTimings(Duration nodeJoin, Duration drainLimit, Duration evictionRetry, Duration afterDrain) {

    public static FleetTimings realistic() {
        return new FleetTimings(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofSeconds(5),
                Duration.ofSeconds(60));
    }
}
