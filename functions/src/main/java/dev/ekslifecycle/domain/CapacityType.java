package dev.ekslifecycle.domain;

/** Which EC2 capacity a managed node group buys. */
public enum CapacityType {
    ON_DEMAND,
    SPOT
}
