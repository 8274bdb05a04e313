package dev.ekslifecycle.workflow;

/**
 * What a state machine passes to a workflow step: always the operation, its cluster and the execution ARN (the
 * lock's owner, and on every log line); the node group or Fargate profile a Map iteration works on; the caught
 * error for {@code RecordFailure}.
 */
public record StepInput(String operationId, String clusterName, String executionArn, String nodegroup,
                        String fargateProfile, boolean disableDeletionProtection, String errorName,
                        String errorCause, boolean releaseLock) {

    public StepInput {
        if (operationId == null || operationId.isBlank() || clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("a workflow step needs operationId and clusterName");
        }
    }
}
