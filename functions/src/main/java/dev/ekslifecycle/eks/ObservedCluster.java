package dev.ekslifecycle.eks;

import java.util.Map;

/** A cluster as EKS describes it now. {@code endpoint} is null until the control plane is up. */
public record ObservedCluster(String name, String arn, String status, String version, String endpoint,
                              Map<String, String> tags, boolean deletionProtection) {

    public ObservedCluster {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** True when eks-lifecycle created it (or adopted it earlier): only such clusters are changed or deleted. */
    public boolean managedByUs() {
        return ManagedTags.isManaged(tags);
    }
}
