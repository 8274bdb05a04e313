package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** An EKS add-on as DescribeAddon returns it. */
public record Addon(
        String addonName,
        String clusterName,
        String status,
        String addonVersion,
        Health health,
        String addonArn,
        Instant createdAt,
        Instant modifiedAt,
        String serviceAccountRoleArn,
        Map<String, String> tags,
        String publisher,
        String owner,
        String configurationValues,
        JsonNode namespaceConfig) {

    public Addon withStatus(String newStatus, Instant at) {
        return new Addon(addonName, clusterName, newStatus, addonVersion, health, addonArn, createdAt, at,
                serviceAccountRoleArn, tags, publisher, owner, configurationValues, namespaceConfig);
    }

    public Addon withTags(Map<String, String> newTags) {
        return new Addon(addonName, clusterName, status, addonVersion, health, addonArn, createdAt, modifiedAt,
                serviceAccountRoleArn, newTags, publisher, owner, configurationValues, namespaceConfig);
    }
}
