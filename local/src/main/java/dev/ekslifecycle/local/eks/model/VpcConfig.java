package dev.ekslifecycle.local.eks.model;

import java.util.List;

/** {@code resourcesVpcConfig}: what CreateCluster asked for plus the VPC and security group EKS derived. */
public record VpcConfig(
        List<String> subnetIds,
        List<String> securityGroupIds,
        String clusterSecurityGroupId,
        String vpcId,
        Boolean endpointPublicAccess,
        Boolean endpointPrivateAccess,
        List<String> publicAccessCidrs,
        String controlPlaneEgressMode) {
}
