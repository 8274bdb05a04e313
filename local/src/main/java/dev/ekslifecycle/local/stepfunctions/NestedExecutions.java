package dev.ekslifecycle.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import dev.ekslifecycle.local.stepfunctions.tasks.IntegrationPattern;
import dev.ekslifecycle.local.stepfunctions.tasks.ResourceArn;
import dev.ekslifecycle.local.stepfunctions.tasks.TaskCall;
import dev.ekslifecycle.local.stepfunctions.tasks.TaskIntegration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code arn:aws:states:::states:startExecution} in this same service: request-response answers with the new
 * execution's ARN and start date; {@code .sync} waits for it and answers with its description (Output as JSON text),
 * {@code .sync:2} with Output as JSON. A child that does not succeed fails the task with {@code States.TaskFailed}.
 */
final class NestedExecutions implements TaskIntegration {

    private final Supplier<StepFunctionsService> service;

    NestedExecutions(Supplier<StepFunctionsService> service) {
        this.service = service;
    }

    @Override
    public boolean serves(ResourceArn resource) {
        return resource.service().equals("states") && resource.action().equals("startExecution");
    }

    @Override
    public CompletionStage<JsonNode> call(TaskCall call) {
        JsonNode p = call.parameters();
        ObjectNode request = Json.object();
        request.set("stateMachineArn", p.path("StateMachineArn"));
        if (p.has("Name")) {
            request.set("name", p.get("Name"));
        }
        JsonNode input = p.path("Input");
        request.put("input", input.isMissingNode() ? "{}" : input.isTextual() ? input.textValue() : Json.write(input));
        Execution child;
        try {
            ObjectNode started = service.get().startExecution(request);
            child = service.get().execution(started.get("executionArn").asText());
        } catch (StepFunctionsException e) {
            return CompletableFuture.failedFuture(new StatesError("StepFunctions." + e.errorCode(), e.getMessage()));
        }
        if (!call.resource().pattern().isSync()) {
            ObjectNode out = Json.object().put("ExecutionArn", child.executionArn());
            out.set("StartDate", WireFormat.date(child.startDate()));
            return CompletableFuture.completedFuture(out);
        }
        boolean jsonOutput = call.resource().pattern() == IntegrationPattern.RUN_JOB_JSON;
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        child.onEnd(e -> {
            ObjectNode d = description(e, jsonOutput);
            if (e.status() == ExecutionStatus.SUCCEEDED) {
                result.complete(d);
            } else {
                result.completeExceptionally(new StatesError(ErrorNames.TASK_FAILED, Json.write(d)));
            }
        });
        return result;
    }

    private static ObjectNode description(Execution e, boolean jsonOutput) {
        ObjectNode d = Json.object();
        d.put("ExecutionArn", e.executionArn());
        d.set("Input", jsonOutput ? e.input() : Json.NODES.textNode(Json.write(e.input())));
        d.put("Name", e.name());
        if (e.output() != null) {
            d.set("Output", jsonOutput ? e.output() : Json.NODES.textNode(Json.write(e.output())));
        }
        d.set("StartDate", WireFormat.date(e.startDate()));
        d.put("StateMachineArn", e.stateMachineArn());
        d.put("Status", e.status().name());
        d.set("StopDate", WireFormat.date(e.stopDate()));
        if (e.error() != null) {
            d.put("Error", e.error());
        }
        if (e.cause() != null) {
            d.put("Cause", e.cause());
        }
        return d;
    }
}
