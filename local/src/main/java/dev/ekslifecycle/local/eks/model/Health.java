package dev.ekslifecycle.local.eks.model;

import java.util.List;

/** The {@code health} member of clusters, node groups, Fargate profiles and add-ons: the same shape for all. */
public record Health(List<Issue> issues) {

    public static final Health HEALTHY = new Health(List.of());

    public static Health of(String code, String message, List<String> resourceIds) {
        return new Health(List.of(new Issue(code, message, resourceIds)));
    }

    public record Issue(String code, String message, List<String> resourceIds) {
    }
}
