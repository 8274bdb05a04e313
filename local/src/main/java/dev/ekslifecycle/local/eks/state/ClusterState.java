package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.Cluster;
import java.time.Instant;

/**
 * A cluster, the region it lives in, when its CREATING or DELETING ends ({@code dueAt}, null otherwise), and the
 * last in-place version upgrade, which opens a window for a one-minor rollback.
 */
public record ClusterState(String region, Cluster cluster, Instant dueAt, LastUpgrade lastUpgrade) {

    /** An in-place upgrade from {@code fromVersion} that completed at {@code completedAt}. */
    public record LastUpgrade(String fromVersion, Instant completedAt) {
    }

    public ClusterState with(Cluster newCluster, Instant newDueAt) {
        return new ClusterState(region, newCluster, newDueAt, lastUpgrade);
    }

    public ClusterState with(Cluster newCluster) {
        return new ClusterState(region, newCluster, dueAt, lastUpgrade);
    }

    public String name() {
        return cluster.name();
    }
}
