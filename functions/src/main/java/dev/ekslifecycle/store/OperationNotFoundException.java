package dev.ekslifecycle.store;

public final class OperationNotFoundException extends NotFoundException {

    private final String operationId;

    public OperationNotFoundException(String operationId) {
        super("no operation " + operationId);
        this.operationId = operationId;
    }

    public String operationId() {
        return operationId;
    }
}
