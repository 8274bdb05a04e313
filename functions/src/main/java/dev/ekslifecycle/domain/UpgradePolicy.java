package dev.ekslifecycle.domain;

/**
 * The EKS support type a cluster is enrolled in. STANDARD clusters are upgraded by EKS at the end of standard
 * support; EXTENDED ones keep their version for 12 more months at a higher hourly price.
 */
public enum UpgradePolicy {
    STANDARD,
    EXTENDED
}
