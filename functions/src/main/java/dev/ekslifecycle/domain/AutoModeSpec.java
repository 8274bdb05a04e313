package dev.ekslifecycle.domain;

import java.util.List;

/**
 * EKS Auto Mode: when enabled, EKS manages compute, block storage and load balancing together; the built-in node
 * pools ({@code general-purpose}, {@code system}) need a node role.
 */
public record AutoModeSpec(boolean enabled, List<String> nodePools, String nodeRoleArn) {

    public static final AutoModeSpec DISABLED = new AutoModeSpec(false, List.of(), null);

    public AutoModeSpec {
        nodePools = Frozen.list(nodePools);
    }
}
