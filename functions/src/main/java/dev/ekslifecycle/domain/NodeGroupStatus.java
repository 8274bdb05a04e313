package dev.ekslifecycle.domain;

/** A managed node group's status as EKS reports it. */
public enum NodeGroupStatus {
    CREATING,
    ACTIVE,
    UPDATING,
    DELETING,
    CREATE_FAILED,
    DELETE_FAILED,
    DEGRADED
}
