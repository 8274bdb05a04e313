package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a state turns its raw input into what it works on and its result into its output. {@link JsonPathFlow}
 * applies InputPath, Parameters, ResultSelector, ResultPath and OutputPath; {@link JsonataFlow} applies Arguments
 * and Output.
 */
public sealed interface DataFlow permits JsonPathFlow, JsonataFlow {

    /** The input the state works on: InputPath applied (JSONPath), or the raw input (JSONata). */
    JsonNode effectiveInput(JsonNode rawInput, StateEnvironment env);

    /** The payload sent to a task or branch: Parameters / Arguments, or the effective input when absent. */
    JsonNode payload(JsonNode rawInput, JsonNode effectiveInput, StateEnvironment env);

    /** The result after ResultSelector (JSONPath); unchanged in JSONata, where Output sees the raw result. */
    JsonNode selectResult(JsonNode result, StateEnvironment env);

    /** The state's output from its raw input and (selected) result: ResultPath + OutputPath, or Output. */
    JsonNode output(JsonNode rawInput, JsonNode result, StateEnvironment env);

    /** The output of a Catch: the error output placed by the catcher's ResultPath, or its Output. */
    JsonNode catchOutput(JsonNode rawInput, JsonNode errorOutput, Catcher catcher, StateEnvironment env);
}
