package dev.ekslifecycle.local.eks;

import java.util.Map;
import java.util.Optional;

/** A default VPC with a private subnet in each of three zones, and one subnet in another VPC. */
final class FakeSubnets implements SubnetDirectory {

    static final String A = "subnet-a";
    static final String B = "subnet-b";
    static final String C = "subnet-c";
    static final String A2 = "subnet-a2";
    static final String OTHER_VPC = "subnet-other";

    private final Map<String, Subnet> subnets = Map.of(
            A, new Subnet(A, "vpc-1", "us-east-1a", false),
            B, new Subnet(B, "vpc-1", "us-east-1b", false),
            C, new Subnet(C, "vpc-1", "us-east-1c", false),
            A2, new Subnet(A2, "vpc-1", "us-east-1a", true),
            OTHER_VPC, new Subnet(OTHER_VPC, "vpc-2", "us-east-1b", false));

    @Override
    public Optional<Subnet> find(String subnetId) {
        return Optional.ofNullable(subnets.get(subnetId));
    }
}
