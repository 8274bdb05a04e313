package dev.ekslifecycle.local.stepfunctions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lambda tasks: the plain function ARN form (the result is the function's result) and the optimized
 * {@code arn:aws:states:::lambda:invoke} (the result wraps it under {@code Payload}). A function error fails the task
 * with the function's error type as the error name, as on AWS.
 */
public final class LambdaIntegration implements TaskIntegration {

    private final LambdaInvoker invoker;
    private final SimulationClock clock;

    public LambdaIntegration(LambdaInvoker invoker, SimulationClock clock) {
        this.invoker = invoker;
        this.clock = clock;
    }

    @Override
    public boolean serves(ResourceArn resource) {
        return resource.isLambdaFunction() || resource.service().equals("lambda")
                && resource.action().equals("invoke");
    }

    @Override
    public CompletionStage<JsonNode> call(TaskCall call) {
        boolean plain = call.resource().isLambdaFunction();
        JsonNode parameters = call.parameters();
        String function;
        JsonNode payload;
        if (plain) {
            function = call.resource().action();
            payload = parameters;
        } else {
            JsonNode name = parameters.get("FunctionName");
            if (name == null || !name.isTextual()) {
                return CompletableFuture.failedFuture(new StatesError("States.Runtime",
                        "The parameter 'FunctionName' is required for lambda:invoke"));
            }
            function = name.textValue() + (parameters.has("Qualifier") ? ":" + parameters.get("Qualifier").asText()
                    : "");
            payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        clock.execute(() -> {
            try {
                LambdaResponse response = invoker.invoke(function, payload);
                if (response.isFunctionError()) {
                    result.completeExceptionally(new StatesError(response.errorType(), Json.write(response.payload())));
                } else {
                    result.complete(plain ? response.payload() : wrap(response));
                }
            } catch (LambdaServiceException e) {
                result.completeExceptionally(new StatesError("Lambda." + e.errorCode(), e.getMessage()));
            } catch (RuntimeException e) {
                result.completeExceptionally(new StatesError("Lambda.ServiceException", String.valueOf(e)));
            }
        });
        return result;
    }

    private static JsonNode wrap(LambdaResponse response) {
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", response.executedVersion());
        out.set("Payload", response.payload() == null ? Json.NODES.nullNode() : response.payload());
        out.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
        out.putObject("SdkResponseMetadata").put("RequestId", java.util.UUID.randomUUID().toString());
        out.put("StatusCode", 200);
        return out;
    }
}
