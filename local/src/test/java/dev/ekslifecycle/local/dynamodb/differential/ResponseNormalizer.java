package dev.ekslifecycle.local.dynamodb.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reduces a response to what the differential suite compares: the error type (and message when a case asks), or
 * the body without what legitimately differs between servers (capacity figures, ids, dates). Numbers are compared
 * by value, sets and tags without order; Scan results without order when a case says so.
 */
final class ResponseNormalizer {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> TABLE_OPERATIONS = Set.of("CreateTable", "DescribeTable", "DeleteTable",
            "UpdateTable");

    private ResponseNormalizer() {
    }

    static JsonNode normalize(String operation, RawDynamoDbClient.Reply reply, boolean compareMessage,
                              boolean unordered) {
        if (reply.status() != 200) {
            ObjectNode error = F.objectNode();
            String type = reply.body().path("__type").asText();
            error.put("error", type.substring(type.indexOf('#') + 1));
            if (compareMessage) {
                error.put("message", reply.body().has("message") ? reply.body().get("message").asText()
                        : reply.body().path("Message").asText());
            }
            if (reply.body().has("CancellationReasons")) {
                ArrayNode codes = error.putArray("CancellationReasons");
                reply.body().get("CancellationReasons").forEach(r -> codes.add(values(r.deepCopy())));
            }
            if (reply.body().has("Item")) {
                error.set("Item", values(reply.body().get("Item").deepCopy()));
            }
            return error;
        }
        ObjectNode body = (ObjectNode) reply.body().deepCopy();
        body.remove(List.of("ConsumedCapacity", "ItemCollectionMetrics"));
        for (String member : List.of("Attributes", "UnprocessedItems", "UnprocessedKeys", "LastEvaluatedKey")) {
            if (body.has(member) && body.get(member).isEmpty()) {
                body.remove(member);
            }
        }
        if (TABLE_OPERATIONS.contains(operation)) {
            return table(body.has("Table") ? body.get("Table") : body.path("TableDescription"));
        }
        values(body);
        if (body.has("Tags")) {
            List<JsonNode> tags = new ArrayList<>();
            body.get("Tags").forEach(tags::add);
            tags.sort(Comparator.comparing(n -> n.path("Key").asText()));
            body.putArray("Tags").addAll(tags);
        }
        if (unordered && body.has("Items")) {
            List<JsonNode> items = new ArrayList<>();
            body.get("Items").forEach(items::add);
            items.sort(Comparator.comparing(JsonNode::toString));
            body.putArray("Items").addAll(items);
        }
        return body;
    }

    /** The parts of a table description both servers must agree on. */
    private static JsonNode table(JsonNode d) {
        ObjectNode t = F.objectNode();
        t.put("TableName", d.path("TableName").asText());
        t.set("KeySchema", d.path("KeySchema"));
        List<JsonNode> defs = new ArrayList<>();
        d.path("AttributeDefinitions").forEach(defs::add);
        defs.sort(Comparator.comparing(n -> n.path("AttributeName").asText()));
        t.putArray("AttributeDefinitions").addAll(defs);
        for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            List<JsonNode> indexes = new ArrayList<>();
            for (JsonNode i : d.path(kind)) {
                ObjectNode index = F.objectNode();
                index.put("IndexName", i.path("IndexName").asText());
                index.set("KeySchema", i.path("KeySchema"));
                index.put("ProjectionType", i.path("Projection").path("ProjectionType").asText());
                indexes.add(index);
            }
            if (!indexes.isEmpty()) {
                indexes.sort(Comparator.comparing(n -> n.path("IndexName").asText()));
                t.putArray(kind).addAll(indexes);
            }
        }
        return t;
    }

    /** Normalises attribute values anywhere in a tree: numbers by value, set elements sorted. */
    static JsonNode values(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.size() == 1 && o.has("N") && o.get("N").isTextual()) {
                o.put("N", number(o.get("N").asText()));
                return o;
            }
            if (o.size() == 1 && (o.has("SS") || o.has("NS") || o.has("BS")) && o.elements().next().isArray()) {
                String type = o.fieldNames().next();
                List<String> elements = new ArrayList<>();
                o.get(type).forEach(e -> elements.add(type.equals("NS") ? number(e.asText()) : e.asText()));
                elements.sort(null);
                ArrayNode sorted = o.putArray(type);
                elements.forEach(sorted::add);
                return o;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                values(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(ResponseNormalizer::values);
        }
        return node;
    }

    private static String number(String text) {
        try {
            BigDecimal n = new BigDecimal(text);
            return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
