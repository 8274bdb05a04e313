package dev.ekslifecycle.domain;

import java.util.List;
import java.util.Map;

/**
 * A managed node group. Null {@code amiType} lets EKS choose; empty {@code instanceTypes} means EKS's default and
 * empty {@code subnetIds} the cluster's subnets. At most one of {@code maxUnavailable} and
 * {@code maxUnavailablePercentage} is set; with neither, EKS replaces one node at a time.
 */
public record NodeGroupSpec(String name, String nodeRoleArn, List<String> instanceTypes, String amiType,
                            CapacityType capacityType, Integer minSize, Integer maxSize, Integer desiredSize,
                            List<String> subnetIds, Map<String, String> labels, List<Taint> taints,
                            Integer maxUnavailable, Integer maxUnavailablePercentage,
                            UpdateStrategy updateStrategy) {

    public NodeGroupSpec {
        instanceTypes = Frozen.list(instanceTypes);
        subnetIds = Frozen.list(subnetIds);
        labels = Frozen.map(labels);
        taints = Frozen.list(taints);
    }
}
