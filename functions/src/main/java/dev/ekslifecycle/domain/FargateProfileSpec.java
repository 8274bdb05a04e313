package dev.ekslifecycle.domain;

import java.util.List;

/** A Fargate profile; its subnets must be private. Empty {@code subnetIds} means the cluster's private subnets. */
public record FargateProfileSpec(String name, String podExecutionRoleArn, List<String> subnetIds,
                                 List<FargateSelector> selectors) {

    public FargateProfileSpec {
        subnetIds = Frozen.list(subnetIds);
        selectors = Frozen.list(selectors);
    }
}
