package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One cluster's Kubernetes objects as plain data, for saving with Jackson. */
public record ClusterSnapshot(String clusterName, String version, long resourceVersion, int podAddresses,
                              List<ObjectNode> nodes, List<ObjectNode> pods, List<ObjectNode> budgets,
                              List<String> blockedBudgets) {
}
