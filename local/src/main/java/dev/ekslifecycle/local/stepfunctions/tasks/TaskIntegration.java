package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * Something a Task state can call. The returned stage completes with the task's result, or exceptionally with a
 * {@link dev.ekslifecycle.local.stepfunctions.errors.StatesError} whose name Retry and Catch match. An integration
 * never blocks the caller: slow work runs on the clock's pool and waits on the clock's timers.
 */
public interface TaskIntegration {

    /** True when this integration serves the resource. */
    boolean serves(ResourceArn resource);

    CompletionStage<JsonNode> call(TaskCall call);

    /** Called when the task is abandoned (timeout, stop, failed sibling branch): stop polling, if any. */
    default void abandon(TaskCall call) {
    }
}
