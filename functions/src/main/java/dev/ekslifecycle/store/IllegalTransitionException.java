package dev.ekslifecycle.store;

/** An operation cannot move from its status to the one asked for. */
public final class IllegalTransitionException extends StoreException {

    private final OperationStatus from;

    public IllegalTransitionException(String operationId, OperationStatus from, String to) {
        super("operation " + operationId + " is " + from + " and cannot become " + to);
        this.from = from;
    }

    public OperationStatus from() {
        return from;
    }
}
