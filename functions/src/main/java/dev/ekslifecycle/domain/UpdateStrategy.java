package dev.ekslifecycle.domain;

/** How EKS replaces a managed node group's nodes: DEFAULT launches new nodes first, MINIMAL terminates first. */
public enum UpdateStrategy {
    DEFAULT,
    MINIMAL
}
