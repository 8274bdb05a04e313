package dev.ekslifecycle.local.eks;

import java.util.Optional;

/**
 * What the EKS emulator needs to know about subnets, answered by the EC2 emulator: EKS refuses a cluster whose
 * subnets are not in at least two Availability Zones, and node groups launch into the subnets' zones.
 */
public interface SubnetDirectory {

    /** The subnet with this id, or empty when EC2 has none. */
    Optional<Subnet> find(String subnetId);

    /** A subnet as EKS sees it. */
    record Subnet(String subnetId, String vpcId, String availabilityZone, boolean publicSubnet) {
    }
}
