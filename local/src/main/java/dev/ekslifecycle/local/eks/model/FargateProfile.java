package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Fargate profile as DescribeFargateProfile returns it. Profiles are immutable apart from status and tags. */
public record FargateProfile(
        String fargateProfileName,
        String fargateProfileArn,
        String clusterName,
        Instant createdAt,
        String podExecutionRoleArn,
        List<String> subnets,
        List<JsonNode> selectors,
        String status,
        Map<String, String> tags,
        Health health) {

    public FargateProfile withStatus(String newStatus) {
        return new FargateProfile(fargateProfileName, fargateProfileArn, clusterName, createdAt, podExecutionRoleArn,
                subnets, selectors, newStatus, tags, health);
    }

    public FargateProfile withTags(Map<String, String> newTags) {
        return new FargateProfile(fargateProfileName, fargateProfileArn, clusterName, createdAt, podExecutionRoleArn,
                subnets, selectors, status, newTags, health);
    }
}
