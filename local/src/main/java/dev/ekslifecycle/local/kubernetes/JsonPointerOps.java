package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One RFC 6902 operation (add, remove, replace, test, copy, move) at an RFC 6901 pointer. */
final class JsonPointerOps {

    private JsonPointerOps() {
    }

    static JsonNode apply(JsonNode doc, JsonNode op) {
        String path = Json.text(op, "path");
        return switch (Json.text(op, "op")) {
            case "add" -> add(doc, path, required(op, "value"));
            case "remove" -> remove(doc, path);
            case "replace" -> add(remove(doc, path), path, required(op, "value"));
            case "test" -> {
                if (!required(op, "value").equals(get(doc, path))) {
                    throw new KubeStatus(422, "Invalid", "the test operation failed at " + path, null);
                }
                yield doc;
            }
            case "copy" -> add(doc, path, get(doc, Json.text(op, "from")).deepCopy());
            case "move" -> {
                JsonNode value = get(doc, Json.text(op, "from"));
                yield add(remove(doc, Json.text(op, "from")), path, value);
            }
            default -> throw KubeStatus.badRequest("unknown json patch operation \"" + Json.text(op, "op") + "\"");
        };
    }

    private static JsonNode required(JsonNode op, String field) {
        JsonNode v = op.get(field);
        if (v == null) {
            throw KubeStatus.badRequest("json patch operation " + Json.text(op, "op") + " needs '" + field + "'");
        }
        return v;
    }

    private static List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw KubeStatus.badRequest("invalid JSON pointer \"" + pointer + "\"");
        }
        List<String> out = new ArrayList<>();
        for (String t : pointer.substring(1).split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static JsonNode get(JsonNode doc, String pointer) {
        JsonNode n = doc;
        for (String t : tokens(pointer)) {
            n = n.isArray() ? n.get(index(t, n.size() - 1)) : n.get(t);
            if (n == null) {
                throw missing(pointer);
            }
        }
        return n;
    }

    private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
        List<String> t = tokens(pointer);
        if (t.isEmpty()) {
            return value;
        }
        JsonNode parent = get(doc, parentOf(pointer));
        String last = t.get(t.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
                a.add(value);
            } else {
                a.insert(index(last, a.size()), value);
            }
        } else {
            throw missing(pointer);
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String pointer) {
        List<String> t = tokens(pointer);
        JsonNode parent = get(doc, parentOf(pointer));
        String last = t.get(t.size() - 1);
        if (parent instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(index(last, a.size() - 1));
        } else {
            throw missing(pointer);
        }
        return doc;
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static int index(String token, int max) {
        try {
            int i = Integer.parseInt(token);
            if (i >= 0 && i <= max) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw KubeStatus.badRequest("invalid array index \"" + token + "\" in json patch");
    }

    private static KubeStatus missing(String pointer) {
        return new KubeStatus(422, "Invalid", "json patch path \"" + pointer + "\" does not exist", null);
    }
}
