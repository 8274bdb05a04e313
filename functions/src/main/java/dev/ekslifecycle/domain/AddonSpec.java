package dev.ekslifecycle.domain;

/** An EKS add-on; a null {@code version} means the default version for the cluster's Kubernetes version. */
public record AddonSpec(String name, String version) {
}
