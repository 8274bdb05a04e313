package dev.ekslifecycle.domain;

/** A managed node group as last seen in EKS. */
public record ObservedNodeGroup(String name, NodeGroupStatus status, KubernetesVersion version, int desiredSize) {
}
