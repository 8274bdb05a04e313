package dev.ekslifecycle.store;

/** PENDING until its workflow starts, RUNNING while it runs, then one of the three final statuses. */
public enum OperationStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
