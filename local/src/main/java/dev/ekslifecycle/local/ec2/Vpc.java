package dev.ekslifecycle.local.ec2;

import java.util.Map;

/** A VPC as EC2 describes it. */
public record Vpc(String vpcId, String region, String cidrBlock, boolean isDefault, Map<String, String> tags) {

    public Vpc {
        tags = Map.copyOf(tags);
    }
}
