package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;

/** A Choice rule's test: a JSONPath comparison, a boolean combination, or a JSONata {@code Condition}. */
public interface Condition {

    /** {@code input} is the effective input (JSONPath) or the raw input (JSONata). */
    boolean test(JsonNode input, StateEnvironment env);
}
