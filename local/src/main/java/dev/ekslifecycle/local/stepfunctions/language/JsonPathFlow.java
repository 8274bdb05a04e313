package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.paths.JsonPath;
import dev.ekslifecycle.local.stepfunctions.paths.PayloadTemplate;

/**
 * The JSONPath data flow. A null path field ({@code "InputPath": null}) means an empty object for InputPath and
 * OutputPath and "discard the result" for ResultPath; an absent one means {@code $}.
 */
public final class JsonPathFlow implements DataFlow {

    private final PathField inputPath;
    private final PayloadTemplate parameters;
    private final PayloadTemplate resultSelector;
    private final PathField resultPath;
    private final PathField outputPath;

    JsonPathFlow(PathField inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
            PathField resultPath, PathField outputPath) {
        this.inputPath = inputPath;
        this.parameters = parameters;
        this.resultSelector = resultSelector;
        this.resultPath = resultPath;
        this.outputPath = outputPath;
    }

    @Override
    public JsonNode effectiveInput(JsonNode rawInput, StateEnvironment env) {
        return select(inputPath, rawInput, "InputPath");
    }

    @Override
    public JsonNode payload(JsonNode rawInput, JsonNode effectiveInput, StateEnvironment env) {
        return parameters == null ? effectiveInput
                : parameters.evaluate(env.pathScope(effectiveInput), "Parameters");
    }

    @Override
    public JsonNode selectResult(JsonNode result, StateEnvironment env) {
        return resultSelector == null ? result : resultSelector.evaluate(env.pathScope(result), "ResultSelector");
    }

    @Override
    public JsonNode output(JsonNode rawInput, JsonNode result, StateEnvironment env) {
        return select(outputPath, place(resultPath, rawInput, result), "OutputPath");
    }

    @Override
    public JsonNode catchOutput(JsonNode rawInput, JsonNode errorOutput, Catcher catcher, StateEnvironment env) {
        return place(catcher.resultPath(), rawInput, errorOutput);
    }

    private static JsonNode select(PathField field, JsonNode data, String name) {
        if (field.isDefault()) {
            return data;
        }
        if (field.isNull()) {
            return Json.object();
        }
        JsonPath path = field.path();
        JsonNode found = path.select(data);
        if (found == null) {
            throw StatesError.runtime("An error occurred while executing the state. Invalid path '" + path
                    + "' : The " + name + " '" + path + "' could not be found in the input");
        }
        return found;
    }

    static JsonNode place(PathField field, JsonNode rawInput, JsonNode result) {
        if (field.isDefault()) {
            return result;
        }
        if (field.isNull()) {
            return rawInput;
        }
        try {
            return field.path().set(rawInput, result);
        } catch (IllegalStateException e) {
            throw new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath '"
                    + field.path() + "' to the input: " + e.getMessage());
        }
    }

    /** A path field: absent ({@code $}), null, or a path. */
    record PathField(JsonPath path, boolean isNull) {
        static final PathField DEFAULT = new PathField(null, false);
        static final PathField NULL = new PathField(null, true);

        boolean isDefault() {
            return path == null && !isNull || path != null && path.isRoot();
        }
    }
}
