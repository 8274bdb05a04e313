package dev.ekslifecycle.local.stepfunctions.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSONPath-mode payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector},
 * {@code Assign}): a field whose name ends in {@code .$} takes its value from a path or an intrinsic function call,
 * under the name without the suffix. Compiled once per state; a template without such fields is a constant.
 */
public final class PayloadTemplate {

    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles a template.
     *
     * @throws InvalidPathException naming the field whose path or call is invalid
     */
    public static PayloadTemplate compile(JsonNode template) {
        return new PayloadTemplate(node(template, ""));
    }

    /** Builds the payload for one run of the state; {@code field} names the template in error messages. */
    public JsonNode evaluate(PathScope scope, String field) {
        return root.value(scope, field);
    }

    private static Node node(JsonNode template, String where) {
        if (template.isObject()) {
            List<Entry> entries = new ArrayList<>();
            boolean dynamic = false;
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String name = f.getKey();
                Node value;
                if (name.endsWith(".$")) {
                    name = name.substring(0, name.length() - 2);
                    value = dynamicValue(f.getValue(), where + "/" + f.getKey());
                } else {
                    value = node(f.getValue(), where + "/" + name);
                }
                dynamic |= !(value instanceof Constant);
                entries.add(new Entry(name, value));
            }
            return dynamic ? new ObjectBuilder(entries) : new Constant(template);
        }
        if (template.isArray()) {
            List<Node> elements = new ArrayList<>();
            boolean dynamic = false;
            for (int i = 0; i < template.size(); i++) {
                Node element = node(template.get(i), where + "/" + i);
                dynamic |= !(element instanceof Constant);
                elements.add(element);
            }
            return dynamic ? new ArrayBuilder(elements) : new Constant(template);
        }
        return new Constant(template);
    }

    private static Node dynamicValue(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw new InvalidPathException("the value of " + where + " must be a path or an intrinsic function");
        }
        String text = value.textValue();
        try {
            if (IntrinsicCall.looksLikeCall(text)) {
                IntrinsicCall call = IntrinsicCall.parse(text);
                return (scope, field) -> call.evaluate(scope);
            }
            if (ValuePath.looksLikePath(text)) {
                ValuePath path = ValuePath.compile(text);
                return (scope, field) -> path.read(scope, field);
            }
        } catch (InvalidPathException e) {
            throw new InvalidPathException(e.getMessage() + " (" + where + ")");
        }
        throw new InvalidPathException("the value of " + where + " must be a path or an intrinsic function, not '"
                + text + "'");
    }

    private interface Node {
        JsonNode value(PathScope scope, String field);
    }

    private record Constant(JsonNode json) implements Node {
        @Override
        public JsonNode value(PathScope scope, String field) {
            return json;
        }
    }

    private record Entry(String name, Node value) {
    }

    private record ObjectBuilder(List<Entry> entries) implements Node {
        @Override
        public JsonNode value(PathScope scope, String field) {
            ObjectNode out = Json.object(entries.size());
            for (Entry e : entries) {
                out.set(e.name, e.value.value(scope, field));
            }
            return out;
        }
    }

    private record ArrayBuilder(List<Node> elements) implements Node {
        @Override
        public JsonNode value(PathScope scope, String field) {
            ArrayNode out = Json.array();
            for (Node n : elements) {
                out.add(n.value(scope, field));
            }
            return out;
        }
    }
}
