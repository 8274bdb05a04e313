package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An access entry: an IAM principal allowed into the cluster's Kubernetes API. */
public record AccessEntry(
        String clusterName,
        String principalArn,
        List<String> kubernetesGroups,
        String accessEntryArn,
        Instant createdAt,
        Instant modifiedAt,
        Map<String, String> tags,
        String username,
        String type) {

    /** An EKS access policy (for example AmazonEKSClusterAdminPolicy) granted to an entry, cluster-wide or per namespace. */
    public record AssociatedAccessPolicy(String policyArn, JsonNode accessScope, Instant associatedAt,
                                         Instant modifiedAt) {
    }

    public AccessEntry withTags(Map<String, String> newTags) {
        return new AccessEntry(clusterName, principalArn, kubernetesGroups, accessEntryArn, createdAt, modifiedAt,
                newTags, username, type);
    }
}
