package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;

/** The JSONata data flow: Arguments builds the payload from the raw input, Output the output from the result. */
public final class JsonataFlow implements DataFlow {

    private final JsonataTemplate arguments;
    private final JsonataTemplate output;

    JsonataFlow(JsonataTemplate arguments, JsonataTemplate output) {
        this.arguments = arguments;
        this.output = output;
    }

    @Override
    public JsonNode effectiveInput(JsonNode rawInput, StateEnvironment env) {
        return rawInput;
    }

    @Override
    public JsonNode payload(JsonNode rawInput, JsonNode effectiveInput, StateEnvironment env) {
        return arguments == null ? rawInput : arguments.evaluate(env.jsonata(rawInput), "Arguments");
    }

    @Override
    public JsonNode selectResult(JsonNode result, StateEnvironment env) {
        return result;
    }

    @Override
    public JsonNode output(JsonNode rawInput, JsonNode result, StateEnvironment env) {
        return output == null ? result : output.evaluate(env.jsonata(rawInput).withResult(result), "Output");
    }

    @Override
    public JsonNode catchOutput(JsonNode rawInput, JsonNode errorOutput, Catcher catcher, StateEnvironment env) {
        JsonataTemplate catchOutput = catcher.output();
        return catchOutput == null ? errorOutput
                : catchOutput.evaluate(env.jsonata(rawInput).withErrorOutput(errorOutput), "Output");
    }
}
