package dev.ekslifecycle.local.eks.model;

import java.util.List;

/** Auto Mode's managed compute: node pools such as {@code general-purpose} and {@code system}. */
public record ComputeConfig(Boolean enabled, List<String> nodePools, String nodeRoleArn) {

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
