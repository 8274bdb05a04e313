package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A managed node group as DescribeNodegroup returns it. */
public record Nodegroup(
        String nodegroupName,
        String nodegroupArn,
        String clusterName,
        String version,
        String releaseVersion,
        Instant createdAt,
        Instant modifiedAt,
        String status,
        String capacityType,
        ScalingConfig scalingConfig,
        List<String> instanceTypes,
        List<String> subnets,
        JsonNode remoteAccess,
        String amiType,
        String nodeRole,
        Map<String, String> labels,
        List<Taint> taints,
        Resources resources,
        Integer diskSize,
        Health health,
        UpdateConfig updateConfig,
        NodeRepairConfig nodeRepairConfig,
        JsonNode launchTemplate,
        Map<String, String> tags,
        JsonNode warmPoolConfig) {

    public record ScalingConfig(Integer minSize, Integer maxSize, Integer desiredSize) {
    }

    public record Taint(String key, String value, String effect) {
    }

    /** How many nodes a version update may take away at once, and whether it launches or terminates first. */
    public record UpdateConfig(Integer maxUnavailable, Integer maxUnavailablePercentage, String updateStrategy) {
    }

    /** Node auto repair; EKS only stores and describes it here. */
    public record NodeRepairConfig(
            Boolean enabled,
            Integer maxUnhealthyNodeThresholdCount,
            Integer maxUnhealthyNodeThresholdPercentage,
            Integer maxParallelNodesRepairedCount,
            Integer maxParallelNodesRepairedPercentage,
            List<JsonNode> nodeRepairConfigOverrides) {
    }

    public record Resources(List<AutoScalingGroup> autoScalingGroups, String remoteAccessSecurityGroup) {
    }

    public record AutoScalingGroup(String name) {
    }

    /** The Auto Scaling group behind the node group, once the fleet has made it. */
    public String autoScalingGroupName() {
        return resources == null || resources.autoScalingGroups() == null || resources.autoScalingGroups().isEmpty()
                ? null : resources.autoScalingGroups().get(0).name();
    }

    public Nodegroup withStatus(String newStatus, Instant at) {
        return new Nodegroup(nodegroupName, nodegroupArn, clusterName, version, releaseVersion, createdAt, at,
                newStatus, capacityType, scalingConfig, instanceTypes, subnets, remoteAccess, amiType, nodeRole,
                labels, taints, resources, diskSize, health, updateConfig, nodeRepairConfig, launchTemplate, tags,
                warmPoolConfig);
    }

    public Nodegroup withHealth(Health newHealth) {
        return new Nodegroup(nodegroupName, nodegroupArn, clusterName, version, releaseVersion, createdAt,
                modifiedAt, status, capacityType, scalingConfig, instanceTypes, subnets, remoteAccess, amiType,
                nodeRole, labels, taints, resources, diskSize, newHealth, updateConfig, nodeRepairConfig,
                launchTemplate, tags, warmPoolConfig);
    }

    public Nodegroup withAutoScalingGroup(String name) {
        return new Nodegroup(nodegroupName, nodegroupArn, clusterName, version, releaseVersion, createdAt,
                modifiedAt, status, capacityType, scalingConfig, instanceTypes, subnets, remoteAccess, amiType,
                nodeRole, labels, taints, new Resources(List.of(new AutoScalingGroup(name)), null), diskSize,
                health, updateConfig, nodeRepairConfig, launchTemplate, tags, warmPoolConfig);
    }

    public Nodegroup withTags(Map<String, String> newTags) {
        return new Nodegroup(nodegroupName, nodegroupArn, clusterName, version, releaseVersion, createdAt,
                modifiedAt, status, capacityType, scalingConfig, instanceTypes, subnets, remoteAccess, amiType,
                nodeRole, labels, taints, resources, diskSize, health, updateConfig, nodeRepairConfig,
                launchTemplate, newTags, warmPoolConfig);
    }
}
