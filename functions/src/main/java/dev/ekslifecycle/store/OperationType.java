package dev.ekslifecycle.store;

/** What a lifecycle operation does to its cluster. */
public enum OperationType {
    CREATE_CLUSTER,
    DELETE_CLUSTER,
    UPGRADE_CLUSTER,
    SCALE_NODEGROUP,
    REPLACE_NODES
}
