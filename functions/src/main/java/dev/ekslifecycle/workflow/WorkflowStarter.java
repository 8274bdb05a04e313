package dev.ekslifecycle.workflow;

/**
 * Starts lifecycle workflows. The execution is named after the operation id, so starting the same operation twice
 * (an API retry, a duplicate event) returns the execution already running instead of starting a second one.
 */
public interface WorkflowStarter {

    /** Starts (or finds) the execution of {@code workflow} for {@code operationId}; returns its ARN. */
    String start(Workflow workflow, String operationId, String inputJson);

    /**
     * The ARN the execution for {@code operationId} has (or will have): known before it starts, so the API can
     * take the cluster lock in the execution's name before starting it.
     */
    String executionArn(Workflow workflow, String operationId);

    /** The state machines; each Lambda that starts one gets its ARN through configuration. */
    enum Workflow {
        CREATE_CLUSTER,
        DELETE_CLUSTER
    }
}
