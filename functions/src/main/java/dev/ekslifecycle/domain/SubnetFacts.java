package dev.ekslifecycle.domain;

import java.util.Optional;

/**
 * What validation may know about subnets: their Availability Zone and whether they are public. Rules that need
 * this (a cluster spans two zones, Fargate uses private subnets) are checked only for subnets it knows.
 */
public interface SubnetFacts {

    /** Knows no subnet: the zone rules are skipped. */
    SubnetFacts UNKNOWN = subnetId -> Optional.empty();

    Optional<Subnet> find(String subnetId);

    /** A subnet as validation sees it. */
    record Subnet(String availabilityZone, boolean publicSubnet) {
    }
}
