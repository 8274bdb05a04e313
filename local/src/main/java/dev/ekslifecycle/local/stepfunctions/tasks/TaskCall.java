package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task to its resource.
 *
 * @param parameters the payload after Parameters/Arguments
 * @param taskToken  the token when the pattern is {@code .waitForTaskToken}, else null
 * @param executionArn the calling execution, for {@code states:startExecution} and for logs
 * @param timeoutSeconds the Task's timeout (integrations that poll stop when the task is abandoned anyway)
 */
public record TaskCall(ResourceArn resource, JsonNode parameters, String taskToken, String executionArn,
        long timeoutSeconds) {
}
