package dev.ekslifecycle.local.eks.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cluster insight (category UPGRADE_READINESS or MISCONFIGURATION) as DescribeInsight returns it; ListInsights
 * returns the same members without recommendation, additionalInfo, resources and categorySpecificSummary.
 */
public record Insight(
        String id,
        String name,
        String category,
        String kubernetesVersion,
        Instant lastRefreshTime,
        Instant lastTransitionTime,
        String description,
        Status insightStatus,
        String recommendation,
        Map<String, String> additionalInfo,
        List<JsonNode> resources,
        JsonNode categorySpecificSummary) {

    /** PASSING, WARNING, ERROR or UNKNOWN, with why. */
    public record Status(String status, String reason) {
    }

    /** The ListInsights form. */
    public Insight summary() {
        return new Insight(id, name, category, kubernetesVersion, lastRefreshTime, lastTransitionTime, description,
                insightStatus, null, null, null, null);
    }

    public boolean isError() {
        return insightStatus != null && "ERROR".equals(insightStatus.status());
    }
}
