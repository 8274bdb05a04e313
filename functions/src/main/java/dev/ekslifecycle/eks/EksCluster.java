package dev.ekslifecycle.eks;

import java.util.Map;

/** A cluster as EKS describes it now (the raw view; the stored view is the domain's ObservedCluster). {@code endpoint} is null until the control plane is up. */
public record EksCluster(String name, String arn, String status, String version, String endpoint,
                              Map<String, String> tags, boolean deletionProtection) {

    public EksCluster {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** True when eks-lifecycle created it (or adopted it earlier): only such clusters are changed or deleted. */
    public boolean managedByUs() {
        return ManagedTags.isManaged(tags);
    }
}
