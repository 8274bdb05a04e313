package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The patch kinds the API server takes for built-in objects: JSON merge patch (RFC 7386), strategic merge patch
 * (a merge patch whose lists of conditions and addresses merge by {@code type}, as their patch strategy says) and
 * JSON patch (RFC 6902, which fabric8's {@code edit} sends).
 */
final class Patches {

    /** Lists that a strategic merge patch merges by this key instead of replacing. */
    private static final Set<String> MERGED_BY_TYPE = Set.of("conditions", "addresses");

    private Patches() {
    }

    static ObjectNode apply(String contentType, ObjectNode target, byte[] body) {
        return switch (contentType) {
            case "application/merge-patch+json" -> (ObjectNode) merge(target.deepCopy(), Json.parseObject(body), false);
            case "application/strategic-merge-patch+json" ->
                    (ObjectNode) merge(target.deepCopy(), Json.parseObject(body), true);
            case "application/json-patch+json" -> jsonPatch(target.deepCopy(), body);
            default -> throw new KubeStatus(415, "UnsupportedMediaType",
                    "the body of the request was in an unknown format - accepted media types include:"
                            + " application/json-patch+json, application/merge-patch+json,"
                            + " application/strategic-merge-patch+json", null);
        };
    }

    private static JsonNode merge(JsonNode target, JsonNode patch, boolean strategic) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                result.remove(e.getKey());
            } else if (strategic && value.isArray() && MERGED_BY_TYPE.contains(e.getKey())
                    && result.get(e.getKey()) instanceof ArrayNode existing) {
                result.set(e.getKey(), mergeByType(existing, (ArrayNode) value));
            } else {
                result.set(e.getKey(), merge(result.get(e.getKey()), value, strategic));
            }
        }
        return result;
    }

    private static ArrayNode mergeByType(ArrayNode existing, ArrayNode patch) {
        ArrayNode out = existing.deepCopy();
        for (JsonNode p : patch) {
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                if (Json.text(out.get(i), "type").equals(Json.text(p, "type"))) {
                    out.set(i, merge(out.get(i), p, true));
                    merged = true;
                }
            }
            if (!merged) {
                out.add(p);
            }
        }
        return out;
    }

    private static ObjectNode jsonPatch(ObjectNode target, byte[] body) {
        JsonNode ops;
        try {
            ops = Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw KubeStatus.badRequest("the body of the request was in an unknown format: " + e.getMessage());
        }
        if (!ops.isArray()) {
            throw KubeStatus.badRequest("json patch must be an array of operations");
        }
        JsonNode doc = target;
        for (JsonNode op : ops) {
            doc = JsonPointerOps.apply(doc, op);
        }
        if (!doc.isObject()) {
            throw KubeStatus.badRequest("json patch replaced the object with a non-object");
        }
        return (ObjectNode) doc;
    }
}
