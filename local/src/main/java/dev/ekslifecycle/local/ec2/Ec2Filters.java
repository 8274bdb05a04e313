package dev.ekslifecycle.local.ec2;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The filter names each Describe call accepts, as EC2 documents them. */
final class Ec2Filters {

    static final FilterSet<Vpc> VPCS = new FilterSet<>(Map.<String, Function<Vpc, Collection<String>>>of(
            "vpc-id", v -> List.of(v.vpcId()),
            "cidr", v -> List.of(v.cidrBlock()),
            "cidr-block-association.cidr-block", v -> List.of(v.cidrBlock()),
            "is-default", v -> List.of(String.valueOf(v.isDefault())),
            "state", v -> List.of("available"),
            "owner-id", v -> List.of(dev.ekslifecycle.local.aws.LocalAccount.ACCOUNT_ID)),
            Vpc::tags);

    static final FilterSet<Ec2Subnet> SUBNETS = new FilterSet<>(
            Map.<String, Function<Ec2Subnet, Collection<String>>>ofEntries(
                    Map.entry("subnet-id", s -> List.of(s.subnetId())),
                    Map.entry("subnet-arn", s -> List.of(s.arn())),
                    Map.entry("vpc-id", s -> List.of(s.vpcId())),
                    Map.entry("availability-zone", s -> List.of(s.availabilityZone())),
                    Map.entry("availability-zone-id", s -> List.of(s.availabilityZoneId())),
                    Map.entry("availabilityZone", s -> List.of(s.availabilityZone())),
                    Map.entry("cidr-block", s -> List.of(s.cidrBlock())),
                    Map.entry("cidrBlock", s -> List.of(s.cidrBlock())),
                    Map.entry("default-for-az", s -> List.of(String.valueOf(s.publicSubnet()))),
                    Map.entry("defaultForAz", s -> List.of(String.valueOf(s.publicSubnet()))),
                    Map.entry("map-public-ip-on-launch", s -> List.of(String.valueOf(s.publicSubnet()))),
                    Map.entry("state", s -> List.of("available")),
                    Map.entry("owner-id", s -> List.of(dev.ekslifecycle.local.aws.LocalAccount.ACCOUNT_ID))),
            Ec2Subnet::tags);

    static final FilterSet<Ec2Instance> INSTANCES = new FilterSet<>(
            Map.<String, Function<Ec2Instance, Collection<String>>>ofEntries(
                    Map.entry("instance-id", i -> List.of(i.instanceId())),
                    Map.entry("instance-state-name", i -> List.of(i.state().apiName())),
                    Map.entry("instance-state-code", i -> List.of(String.valueOf(i.state().code()))),
                    Map.entry("instance-type", i -> List.of(i.instanceType())),
                    Map.entry("image-id", i -> List.of(i.imageId())),
                    Map.entry("availability-zone", i -> List.of(i.availabilityZone())),
                    Map.entry("subnet-id", i -> List.of(i.subnetId())),
                    Map.entry("vpc-id", i -> List.of(i.vpcId())),
                    Map.entry("private-ip-address", i -> List.of(i.privateIpAddress())),
                    Map.entry("private-dns-name", i -> List.of(i.privateDnsName())),
                    Map.entry("reservation-id", i -> List.of(i.reservationId())),
                    // DescribeInstanceStatus's names for the same things
                    Map.entry("instance-status.status", i -> List.of(Ec2Documents.statusOf(i))),
                    Map.entry("system-status.status", i -> List.of(Ec2Documents.statusOf(i)))),
            Ec2Instance::tags);

    private Ec2Filters() {
    }
}
