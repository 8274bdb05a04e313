package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataExpression;
import dev.ekslifecycle.local.stepfunctions.paths.ValuePath;

/**
 * A field whose value is a constant, read by a JSONPath "…Path" field ({@code SecondsPath}) or given by a JSONata
 * expression ({@code "Seconds": "{% $states.input.delay %}"}).
 */
public final class DynamicValue {

    private final String field;
    private final JsonNode constant;
    private final ValuePath path;
    private final JsonataExpression expression;

    private DynamicValue(String field, JsonNode constant, ValuePath path, JsonataExpression expression) {
        this.field = field;
        this.constant = constant;
        this.path = path;
        this.expression = expression;
    }

    static DynamicValue constant(String field, JsonNode value) {
        return new DynamicValue(field, value, null, null);
    }

    static DynamicValue path(String field, ValuePath path) {
        return new DynamicValue(field, null, path, null);
    }

    static DynamicValue jsonata(String field, JsonataExpression expression) {
        return new DynamicValue(field, null, null, expression);
    }

    /** The name of the field it came from, for error messages. */
    public String field() {
        return field;
    }

    /** The value for one run; {@code input} is the effective input (JSONPath) or the raw input (JSONata). */
    public JsonNode value(JsonNode input, StateEnvironment env) {
        if (constant != null) {
            return constant;
        }
        if (path != null) {
            return path.read(env.pathScope(input), field);
        }
        JsonNode v = expression.evaluate(env.jsonata(input));
        if (v == null) {
            throw new dev.ekslifecycle.local.stepfunctions.errors.StatesError(
                    dev.ekslifecycle.local.stepfunctions.errors.ErrorNames.QUERY_EVALUATION_ERROR,
                    "The JSONata expression of the field '" + field + "' returned nothing (undefined)");
        }
        return v;
    }
}
