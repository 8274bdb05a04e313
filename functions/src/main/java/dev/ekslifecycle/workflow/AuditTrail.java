package dev.ekslifecycle.workflow;

import dev.ekslifecycle.store.OperationStore;

/** Appends a step to an operation's log: the audit trail every workflow step writes. */
final class AuditTrail {

    private final OperationStore operations;

    AuditTrail(OperationStore operations) {
        this.operations = operations;
    }

    void record(StepInput input, String step, String detail) {
        operations.appendStep(input.operationId(), step, detail);
    }
}
