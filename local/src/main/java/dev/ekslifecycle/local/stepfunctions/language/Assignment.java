package dev.ekslifecycle.local.stepfunctions.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.jsonata.JsonataTemplate;
import dev.ekslifecycle.local.stepfunctions.paths.PayloadTemplate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code Assign} field. Every value is computed from the variables as they were before the state, then all are
 * set together. In JSONPath {@code $} is the state's result (the error output in a Catch, the input in Choice and
 * Wait); in JSONata {@code $states.result} / {@code $states.errorOutput} are bound.
 */
public final class Assignment {

    private final PayloadTemplate jsonPath;
    private final JsonataTemplate jsonata;

    private Assignment(PayloadTemplate jsonPath, JsonataTemplate jsonata) {
        this.jsonPath = jsonPath;
        this.jsonata = jsonata;
    }

    static Assignment jsonPath(PayloadTemplate template) {
        return new Assignment(template, null);
    }

    static Assignment jsonata(JsonataTemplate template) {
        return new Assignment(null, template);
    }

    /** The new values by variable name. {@code result} and {@code errorOutput} may be null. */
    public Map<String, JsonNode> evaluate(JsonNode rawInput, JsonNode result, JsonNode errorOutput,
            StateEnvironment env) {
        JsonNode values;
        if (jsonPath != null) {
            JsonNode subject = errorOutput != null ? errorOutput : result != null ? result : rawInput;
            values = jsonPath.evaluate(env.pathScope(subject), "Assign");
        } else {
            values = jsonata.evaluate(env.jsonata(rawInput).withResult(result).withErrorOutput(errorOutput),
                    "Assign");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            out.put(f.getKey(), f.getValue());
        }
        return out;
    }
}
