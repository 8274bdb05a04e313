package dev.ekslifecycle.local.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers over Jackson trees, the form Kubernetes objects are kept in. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode parseObject(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (java.io.IOException e) {
            throw KubeStatus.badRequest("the body of the request was in an unknown format: " + e.getMessage());
        }
        throw KubeStatus.badRequest("the body of the request must be a JSON object");
    }

    /** The text at a path of field names, or "" when any step is missing. */
    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null || n.isNull() ? "" : n.asText();
    }

    /** The status of condition {@code type} in the object's status.conditions (a node's, a pod's), or "". */
    static String conditionStatus(JsonNode object, String type) {
        for (JsonNode c : object.path("status").path("conditions")) {
            if (text(c, "type").equals(type)) {
                return text(c, "status");
            }
        }
        return "";
    }

    /** A JSON object of strings as a map (labels, annotations, selectors). */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static ObjectNode labels(JsonNode object) {
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        JsonNode labels = metadata.get("labels");
        return labels instanceof ObjectNode o ? o : metadata.putObject("labels");
    }
}
