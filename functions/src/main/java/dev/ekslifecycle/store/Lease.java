package dev.ekslifecycle.store;

import java.time.Instant;

/** A cluster lock as held by {@code owner} (a workflow execution ARN) for {@code operationId} until {@code expiresAt}. */
public record Lease(String clusterName, String owner, String operationId, Instant expiresAt) {
}
