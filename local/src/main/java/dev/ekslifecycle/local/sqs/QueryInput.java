package dev.ekslifecycle.local.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the form parameters of a Query-protocol SQS call into the input the JSON protocol carries for the same
 * call. The form flattens lists and maps the way SQS's model says: a list member is named by its item
 * ({@code AttributeName.1}), a map by its entry ({@code Attribute.1.Name}, {@code Attribute.1.Value};
 * {@code MessageAttribute.1.Value.DataType}), a batch by its entry type ({@code SendMessageBatchRequestEntry.1.Id}).
 * Parameters of no known shape are passed on as they are; the operation ignores what it does not read.
 */
final class QueryInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Flattened lists: item name to the list's JSON member name. */
    private static final Map<String, String> LISTS = Map.of(
            "AttributeName", "AttributeNames",
            "MessageAttributeName", "MessageAttributeNames",
            "MessageSystemAttributeName", "MessageSystemAttributeNames",
            "TagKey", "TagKeys",
            "StringListValue", "StringListValues",
            "BinaryListValue", "BinaryListValues");
    private static final Set<String> BATCH_ENTRIES = Set.of("SendMessageBatchRequestEntry",
            "DeleteMessageBatchRequestEntry", "ChangeMessageVisibilityBatchRequestEntry");
    /** Members the model types as integers; a value that is not one is left for the operation to reject. */
    private static final Set<String> INTEGERS = Set.of("DelaySeconds", "MaxNumberOfMessages", "VisibilityTimeout",
            "WaitTimeSeconds", "MaxResults");

    private QueryInput() {
    }

    /** The JSON-shaped input of {@code action} given its form (Action and Version left out). */
    static ObjectNode read(String action, Map<String, List<String>> form) throws SqsException {
        ObjectNode tree = JSON.createObjectNode();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            if (!e.getKey().equals("Action") && !e.getKey().equals("Version")) {
                put(tree, e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
            }
        }
        ObjectNode input = struct(tree);
        if (action.equals("CreateQueue") && input.has(QueryFlattenedMap.TAGS.jsonName())) {
            // CreateQueue alone spells its tag map in lower case in the JSON protocol
            input.set("tags", input.remove(QueryFlattenedMap.TAGS.jsonName()));
        }
        return input;
    }

    /** Puts a dotted parameter into a tree of its name's segments ({@code A.1.B} under A, 1, B). */
    private static void put(ObjectNode tree, String name, String value) throws SqsException {
        String[] segments = name.split("\\.", -1);
        ObjectNode node = tree;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            if (child == null) {
                child = node.putObject(segments[i]);
            }
            if (!child.isObject()) {
                throw conflicting(name);
            }
            node = (ObjectNode) child;
        }
        if (node.has(segments[segments.length - 1])) {
            throw conflicting(name);
        }
        node.put(segments[segments.length - 1], value);
    }

    private static ObjectNode struct(JsonNode tree) throws SqsException {
        ObjectNode out = JSON.createObjectNode();
        for (var it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            Optional<QueryFlattenedMap> map = QueryFlattenedMap.byEntryName(name);
            if (LISTS.containsKey(name)) {
                out.set(LISTS.get(name), list(name, value));
            } else if (map.isPresent()) {
                out.set(map.get().jsonName(), map(map.get(), value));
            } else if (BATCH_ENTRIES.contains(name)) {
                ArrayNode entries = out.putArray("Entries");
                for (JsonNode entry : items(name, value).values()) {
                    entries.add(struct(entry));
                }
            } else if (value.isObject()) {
                out.set(name, struct(value));
            } else {
                out.set(name, INTEGERS.contains(name) ? integer(value.asText()) : value);
            }
        }
        return out;
    }

    private static ArrayNode list(String name, JsonNode value) throws SqsException {
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<Integer, JsonNode> item : items(name, value).entrySet()) {
            if (!item.getValue().isTextual()) {
                throw SqsException.invalidParameter("Parameter " + name + "." + item.getKey() + " must be a value.");
            }
            out.add(item.getValue());
        }
        return out;
    }

    private static ObjectNode map(QueryFlattenedMap shape, JsonNode value) throws SqsException {
        ObjectNode out = JSON.createObjectNode();
        for (Map.Entry<Integer, JsonNode> entry : items(shape.entryName(), value).entrySet()) {
            String prefix = shape.entryName() + "." + entry.getKey() + ".";
            JsonNode key = entry.getValue().get(shape.keyName());
            JsonNode mapped = entry.getValue().get("Value");
            if (key == null || !key.isTextual()) {
                throw SqsException.missingParameter(prefix + shape.keyName());
            }
            if (mapped == null) {
                throw SqsException.missingParameter(prefix + "Value");
            }
            out.set(key.asText(), mapped.isObject() ? struct(mapped) : mapped);
        }
        return out;
    }

    /** The items of a flattened list or map, by their 1-based index. */
    private static TreeMap<Integer, JsonNode> items(String name, JsonNode value) throws SqsException {
        if (!value.isObject()) {
            throw SqsException.invalidParameter("Parameter " + name + " must be given as " + name + ".1, " + name
                    + ".2, ...");
        }
        TreeMap<Integer, JsonNode> out = new TreeMap<>();
        for (var it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            int index;
            try {
                index = Integer.parseInt(item.getKey());
            } catch (NumberFormatException e) {
                index = 0;
            }
            if (index < 1) {
                throw SqsException.invalidParameter("Parameter " + name + "." + item.getKey() + " has no valid "
                        + "index: indexes start at 1.");
            }
            out.put(index, item.getValue());
        }
        return out;
    }

    private static JsonNode integer(String text) {
        try {
            return IntNode.valueOf(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    private static SqsException conflicting(String name) {
        return SqsException.invalidParameter("Parameter " + name + " conflicts with another parameter of the same "
                + "name.");
    }
}
