package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Finds the integration that serves a Task's resource; the first added that serves it wins. */
public final class TaskDispatcher {

    private final List<TaskIntegration> integrations = new CopyOnWriteArrayList<>();

    public TaskDispatcher add(TaskIntegration integration) {
        integrations.add(integration);
        return this;
    }

    public Optional<TaskIntegration> find(ResourceArn resource) {
        return integrations.stream().filter(i -> i.serves(resource)).findFirst();
    }

    public CompletionStage<JsonNode> call(TaskCall call) {
        return find(call.resource()).map(i -> i.call(call)).orElseGet(() -> CompletableFuture.failedFuture(
                StatesError.runtime("The resource '" + call.resource().text() + "' is not supported locally")));
    }

    public void abandon(TaskCall call) {
        find(call.resource()).ifPresent(i -> i.abandon(call));
    }
}
