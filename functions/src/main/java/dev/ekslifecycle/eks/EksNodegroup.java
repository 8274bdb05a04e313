package dev.ekslifecycle.eks;

/** A managed node group as EKS describes it now: its status, Kubernetes version and desired size. */
public record EksNodegroup(String name, String status, String version, int desiredSize) {
}
