package dev.ekslifecycle.domain;

import java.util.Map;

/** Pods in {@code namespace} carrying all of {@code labels} run on Fargate. */
public record FargateSelector(String namespace, Map<String, String> labels) {

    public FargateSelector {
        labels = Frozen.map(labels);
    }
}
