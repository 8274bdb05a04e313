package dev.ekslifecycle.local.ec2;

import java.util.Map;

/**
 * A subnet as EC2 describes it. Public subnets map a public IP on launch and are the default for their zone, as in
 * a default VPC; private subnets carry the {@code kubernetes.io/role/internal-elb} tag EKS clusters expect.
 */
public record Ec2Subnet(
        String subnetId,
        String vpcId,
        String region,
        String availabilityZone,
        String availabilityZoneId,
        String cidrBlock,
        boolean publicSubnet,
        Map<String, String> tags) {

    public Ec2Subnet {
        tags = Map.copyOf(tags);
    }

    public String arn() {
        return "arn:aws:ec2:" + region + ":" + dev.ekslifecycle.local.aws.LocalAccount.ACCOUNT_ID + ":subnet/" + subnetId;
    }
}
