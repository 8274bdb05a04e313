package dev.ekslifecycle.local.eks.ops;

import dev.ekslifecycle.local.eks.SubnetDirectory;
import dev.ekslifecycle.local.eks.model.ComputeConfig;
import dev.ekslifecycle.local.eks.model.KubernetesNetworkConfig;
import dev.ekslifecycle.local.eks.model.StorageConfig;
import dev.ekslifecycle.local.eks.model.VpcConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The cluster rules EKS enforces on networking and Auto Mode. */
final class ClusterChecks {

    private static final Set<String> NODE_POOLS = Set.of("general-purpose", "system");

    private ClusterChecks() {
    }

    /** Every subnet must exist; EKS resolves them through EC2. */
    static List<SubnetDirectory.Subnet> subnets(SubnetDirectory directory, List<String> subnetIds) {
        return subnetIds.stream().map(id -> directory.find(id).orElseThrow(() -> EksError.invalidParameter(
                "The subnet ID '" + id + "' does not exist (Service: AmazonEC2; Status Code: 400; "
                        + "Error Code: InvalidSubnetID.NotFound)"))).toList();
    }

    /**
     * The cluster's VPC configuration as EKS completes it: subnets in one VPC and in at least two Availability
     * Zones, a cluster security group, public endpoint access by default.
     */
    static VpcConfig clusterVpc(SubnetDirectory directory, VpcConfig requested, String clusterId) {
        if (requested == null) {
            throw EksError.invalidParameter("resourcesVpcConfig is required");
        }
        List<SubnetDirectory.Subnet> subnets = subnets(directory,
                Checks.requiredNonEmpty(requested.subnetIds(), "resourcesVpcConfig.subnetIds"));
        Set<String> vpcs = new HashSet<>();
        Set<String> zones = new HashSet<>();
        subnets.forEach(s -> {
            vpcs.add(s.vpcId());
            zones.add(s.availabilityZone());
        });
        if (vpcs.size() > 1) {
            throw EksError.invalidParameter("Subnets specified must belong to the same VPC: " + vpcs);
        }
        if (zones.size() < 2) {
            throw EksError.invalidParameter("Subnets specified must be in at least two different AZs");
        }
        boolean publicAccess = requested.endpointPublicAccess() == null || requested.endpointPublicAccess();
        boolean privateAccess = Boolean.TRUE.equals(requested.endpointPrivateAccess());
        endpointAccess(publicAccess, privateAccess);
        return new VpcConfig(List.copyOf(requested.subnetIds()),
                requested.securityGroupIds() == null ? List.of() : requested.securityGroupIds(),
                "sg-" + clusterId.replace("-", "").substring(0, 17), vpcs.iterator().next(), publicAccess,
                privateAccess,
                requested.publicAccessCidrs() == null ? List.of("0.0.0.0/0") : requested.publicAccessCidrs(),
                requested.controlPlaneEgressMode());
    }

    static void endpointAccess(boolean publicAccess, boolean privateAccess) {
        if (!publicAccess && !privateAccess) {
            throw EksError.invalidParameter(
                    "Invalid endpoint access configuration: endpointPublicAccess and endpointPrivateAccess cannot "
                            + "both be false");
        }
    }

    /**
     * Auto Mode is one switch in three places: compute, block storage and load balancing are enabled together or
     * not at all, and node pools need a node role.
     */
    static void autoMode(ComputeConfig compute, StorageConfig storage, KubernetesNetworkConfig network) {
        boolean computeOn = compute != null && compute.isEnabled();
        boolean storageOn = storage != null && storage.blockStorageEnabled();
        boolean loadBalancingOn = network != null && network.loadBalancingEnabled();
        if (computeOn != storageOn || computeOn != loadBalancingOn) {
            throw EksError.invalidParameter("For EKS Auto Mode, computeConfig.enabled, "
                    + "kubernetesNetworkConfig.elasticLoadBalancing.enabled and storageConfig.blockStorage.enabled "
                    + "must all be set to the same value");
        }
        List<String> pools = compute == null || compute.nodePools() == null ? List.of() : compute.nodePools();
        for (String pool : pools) {
            if (!NODE_POOLS.contains(pool)) {
                throw EksError.invalidParameter("Invalid node pool '" + pool + "'; valid node pools: "
                        + NODE_POOLS);
            }
        }
        if (!pools.isEmpty() && !computeOn) {
            throw EksError.invalidParameter("nodePools can only be specified when computeConfig.enabled is true");
        }
        if (!pools.isEmpty() && (compute.nodeRoleArn() == null || compute.nodeRoleArn().isBlank())) {
            throw EksError.invalidParameter("computeConfig.nodeRoleArn is required when nodePools are specified");
        }
    }
}
