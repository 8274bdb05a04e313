package dev.ekslifecycle.local.eks;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the EKS emulator behaves: the simulated durations of its operations, AWS's quotas, and where it keeps its
 * state (null: in memory only).
 */
public record EksSettings(Durations durations, Quotas quotas, Path dataDirectory) {

    /** Realistic durations, AWS's default quotas, state in memory. */
    public static EksSettings defaults() {
        return new EksSettings(Durations.realistic(), Quotas.aws(), null);
    }

    public EksSettings withDataDirectory(Path directory) {
        return new EksSettings(durations, quotas, directory);
    }

    public EksSettings withQuotas(Quotas newQuotas) {
        return new EksSettings(durations, newQuotas, dataDirectory);
    }

    /**
     * Simulated durations. A node group's creation lasts at least {@code nodegroupCreate} and until the fleet's
     * nodes are Ready; its deletion and version update last as long as the fleet takes.
     */
    public record Durations(
            Duration clusterCreate,
            Duration clusterDelete,
            Duration clusterVersionUpdate,
            Duration clusterConfigUpdate,
            Duration nodegroupCreate,
            Duration nodegroupConfigUpdate,
            Duration fargateProfileCreate,
            Duration fargateProfileDelete,
            Duration addonChange) {

        /** About what AWS takes. */
        public static Durations realistic() {
            return new Durations(Duration.ofMinutes(12), Duration.ofMinutes(5), Duration.ofMinutes(10),
                    Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(1), Duration.ofMinutes(3),
                    Duration.ofMinutes(2), Duration.ofMinutes(1));
        }
    }

    /** Service quotas: the region's clusters, and node groups and Fargate profiles per cluster. */
    public record Quotas(int clustersPerRegion, int nodegroupsPerCluster, int fargateProfilesPerCluster) {

        public static Quotas aws() {
            return new Quotas(100, 30, 10);
        }
    }
}
