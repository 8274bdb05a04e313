package dev.ekslifecycle.store;

import java.util.List;

/**
 * Lifecycle operations and their append-only step logs (the audit trail). Status moves PENDING → RUNNING → one of
 * SUCCEEDED, FAILED, CANCELLED (PENDING may also end directly); a final status never changes. Every method that
 * changes an operation may be repeated with the same arguments (a retried Lambda) and then answers as the first call
 * did, except {@link #appendStep}, which appends again.
 */
public interface OperationStore {

    /** Records a new PENDING operation with a fresh ID and the current time. */
    Operation create(NewOperation request);

    /** @throws OperationNotFoundException when there is none */
    Operation get(String operationId);

    /**
     * PENDING → RUNNING under the workflow execution {@code executionArn}.
     *
     * @throws IllegalTransitionException when the operation is not PENDING (or RUNNING under the same execution)
     * @throws OperationNotFoundException when there is none
     */
    Operation markRunning(String operationId, String executionArn);

    /**
     * Ends the operation with a final {@code outcome}; {@code error} says why when it failed or was cancelled.
     *
     * @throws IllegalTransitionException when it already ended with another outcome
     * @throws OperationNotFoundException when there is none
     */
    Operation finish(String operationId, OperationStatus outcome, String error);

    /**
     * Appends an entry to the step log, numbered after the last one, stamped with the current time. Concurrent
     * appends (parallel workflow branches) all land, each with its own number.
     *
     * @throws OperationNotFoundException when there is no such operation
     */
    StepEntry appendStep(String operationId, String name, String detail);

    /** The whole step log, in order. */
    List<StepEntry> steps(String operationId);

    /**
     * A cluster's operations, newest first, {@code limit} at a time, read from an index (never a scan). The listing
     * is eventually consistent.
     *
     * @param pageToken null for the first page, else {@link Page#nextToken()} of the previous one
     * @throws InvalidPageTokenException when the token was not made by this store
     */
    Page<Operation> listForCluster(String clusterName, int limit, String pageToken);
}
