package dev.ekslifecycle.local.kubernetes;

import java.util.List;

/** Every cluster's objects and which clusters' API servers are open, for saving with Jackson. */
public record KubernetesSnapshot(List<ClusterSnapshot> clusters, List<String> open) {
}
