package dev.ekslifecycle.local.stepfunctions.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.errors.ErrorNames;
import dev.ekslifecycle.local.stepfunctions.errors.StatesError;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.paths.InvalidPathException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONata-mode field value ({@code Arguments}, {@code Output}, {@code Assign}, ...): any string in it that is a
 * whole {@code {% ... %}} is replaced by the expression's value, at any depth; everything else is literal.
 */
public final class JsonataTemplate {

    private final Node root;

    private JsonataTemplate(Node root) {
        this.root = root;
    }

    public static JsonataTemplate compile(JsonNode template) {
        return new JsonataTemplate(node(template, ""));
    }

    /**
     * The value for one run.
     *
     * @throws StatesError {@code States.QueryEvaluationError} when the whole value evaluates to undefined
     */
    public JsonNode evaluate(JsonataBindings bindings, String field) {
        JsonNode value = root.value(bindings);
        if (value == null) {
            throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR,
                    "The JSONata expression of the field '" + field + "' returned nothing (undefined)");
        }
        return value;
    }

    private static Node node(JsonNode template, String where) {
        if (template.isTextual() && JsonataExpression.isExpression(template.textValue())) {
            try {
                return JsonataExpression.compile(template.textValue())::evaluate;
            } catch (InvalidPathException e) {
                throw new InvalidPathException(e.getMessage() + (where.isEmpty() ? "" : " (" + where + ")"));
            }
        }
        if (template.isObject()) {
            List<Map.Entry<String, Node>> entries = new ArrayList<>();
            boolean dynamic = false;
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                Node value = node(f.getValue(), where + "/" + f.getKey());
                dynamic |= !(value instanceof Constant);
                entries.add(Map.entry(f.getKey(), value));
            }
            if (!dynamic) {
                return new Constant(template);
            }
            return bindings -> {
                ObjectNode out = Json.object();
                for (Map.Entry<String, Node> e : entries) {
                    JsonNode v = e.getValue().value(bindings);
                    if (v != null) {
                        out.set(e.getKey(), v);
                    }
                }
                return out;
            };
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            boolean dynamic = false;
            for (int i = 0; i < template.size(); i++) {
                Node element = node(template.get(i), where + "/" + i);
                dynamic |= !(element instanceof Constant);
                elements.add(element);
            }
            if (!dynamic) {
                return new Constant(template);
            }
            return bindings -> {
                ArrayNode out = Json.array();
                for (Node n : elements) {
                    JsonNode v = n.value(bindings);
                    if (v != null) {
                        out.add(v);
                    }
                }
                return out;
            };
        }
        return new Constant(template);
    }

    private interface Node {
        JsonNode value(JsonataBindings bindings);
    }

    private record Constant(JsonNode json) implements Node {
        @Override
        public JsonNode value(JsonataBindings bindings) {
            return json;
        }
    }
}
