package dev.ekslifecycle.domain;

import java.util.List;

/**
 * A cluster as last seen in EKS; {@code version} and {@code endpoint} are null until EKS reports them. A cluster
 * not yet created is {@link #PENDING}.
 */
public record ObservedCluster(ClusterStatus status, KubernetesVersion version, String endpoint,
                              List<ObservedNodeGroup> nodegroups) {

    public static final ObservedCluster PENDING = new ObservedCluster(ClusterStatus.PENDING, null, null, List.of());

    public ObservedCluster {
        if (status == null) {
            throw new IllegalArgumentException("an observed cluster has a status");
        }
        nodegroups = List.copyOf(nodegroups);
    }
}
