package dev.ekslifecycle.store;

import java.time.Instant;

/**
 * One lifecycle operation on one cluster. {@code executionArn} is set once its workflow runs, {@code error} and
 * {@code finishedAt} once it failed or ended; {@code stepCount} is the length of its step log.
 */
public record Operation(String id, String clusterName, OperationType type, String requester, String input,
                        OperationStatus status, String executionArn, String error, Instant createdAt,
                        Instant updatedAt, Instant finishedAt, int stepCount) {
}
