package dev.ekslifecycle.local.stepfunctions.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * What a JSONata expression in a state can see: {@code $states.input}, {@code $states.context},
 * {@code $states.result} and {@code $states.errorOutput} (null where the field does not apply), the workflow
 * variables as {@code $name}, and the clock's time for {@code $now()} and {@code $millis()}.
 */
public record JsonataBindings(
        JsonNode input, JsonNode context, JsonNode result, JsonNode errorOutput, Map<String, JsonNode> variables,
        Instant now) {

    public JsonataBindings withResult(JsonNode newResult) {
        return new JsonataBindings(input, context, newResult, errorOutput, variables, now);
    }

    public JsonataBindings withErrorOutput(JsonNode newErrorOutput) {
        return new JsonataBindings(input, context, result, newErrorOutput, variables, now);
    }
}
