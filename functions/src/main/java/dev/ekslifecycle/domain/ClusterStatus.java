package dev.ekslifecycle.domain;

/**
 * A cluster's observed status: EKS's own statuses, plus PENDING before EKS was asked to create it and DELETED once
 * EKS deleted it (the record and its history stay).
 */
public enum ClusterStatus {
    PENDING,
    CREATING,
    ACTIVE,
    UPDATING,
    DELETING,
    DELETED,
    FAILED
}
