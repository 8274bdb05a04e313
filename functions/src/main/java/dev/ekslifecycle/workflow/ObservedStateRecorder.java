package dev.ekslifecycle.workflow;

import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.KubernetesVersion;
import dev.ekslifecycle.domain.NodeGroupStatus;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.domain.ObservedNodeGroup;
import dev.ekslifecycle.eks.EksCluster;
import dev.ekslifecycle.eks.EksGateway;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes what EKS reports into the cluster record. Observed state is a snapshot, so a writer that lost the
 * optimistic-concurrency race simply reads the record again and writes its snapshot on top.
 */
final class ObservedStateRecorder {

    private static final int ATTEMPTS = 5;

    private final ClusterStore clusters;
    private final EksGateway eks;

    ObservedStateRecorder(ClusterStore clusters, EksGateway eks) {
        this.clusters = clusters;
        this.eks = eks;
    }

    /** Records the status alone, keeping what was observed before. */
    ClusterRecord recordStatus(String clusterName, ClusterStatus status) {
        return write(clusterName, before -> new ObservedCluster(status, before.version(), before.endpoint(),
                before.nodegroups()));
    }

    /** Reads the cluster and its node groups from EKS and records them; a cluster EKS no longer has is DELETED. */
    ClusterRecord recordFromEks(String clusterName) {
        return observe(clusterName).map(observed -> record(clusterName, observed))
                .orElseGet(() -> recordStatus(clusterName, ClusterStatus.DELETED));
    }

    /** The cluster and its node groups as EKS reports them now; empty when EKS has no such cluster. */
    Optional<ObservedCluster> observe(String clusterName) {
        Optional<EksCluster> cluster = eks.describeCluster(clusterName);
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        EksCluster c = cluster.get();
        List<ObservedNodeGroup> nodegroups = new ArrayList<>();
        for (String name : eks.listNodegroups(clusterName)) {
            eks.describeNodegroup(clusterName, name).ifPresent(ng -> nodegroups.add(new ObservedNodeGroup(name,
                    NodeGroupStatus.valueOf(ng.status()), KubernetesVersion.parse(ng.version()), ng.desiredSize())));
        }
        return Optional.of(new ObservedCluster(ClusterStatus.valueOf(c.status()), KubernetesVersion.parse(c.version()),
                c.endpoint(), nodegroups));
    }

    /** Records a snapshot that {@link #observe} made. */
    ClusterRecord record(String clusterName, ObservedCluster observed) {
        return write(clusterName, before -> observed);
    }

    private ClusterRecord write(String clusterName, java.util.function.UnaryOperator<ObservedCluster> change) {
        StaleVersionException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ClusterRecord current = clusters.get(clusterName);
            try {
                return clusters.updateObserved(clusterName, current.version(), change.apply(current.observed()));
            } catch (StaleVersionException e) {
                last = e;
            }
        }
        throw last;
    }
}
