package dev.ekslifecycle.local.eks.state;

import dev.ekslifecycle.local.eks.model.Insight;

/** An insight of one cluster. */
public record InsightState(String region, String clusterName, Insight insight) {
}
