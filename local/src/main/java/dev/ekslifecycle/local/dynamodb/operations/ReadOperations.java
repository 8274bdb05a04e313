package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.expression.ConditionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.KeyCondition;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.ItemSize;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.IndexSchema;
import dev.ekslifecycle.local.dynamodb.storage.TableSchema;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query and Scan. A page ends after {@code Limit} items read or 1 MB read, counted before the filter as DynamoDB
 * counts them; a page cut that way carries a LastEvaluatedKey.
 */
final class ReadOperations {

    private static final int PAGE_BYTES = 1024 * 1024;

    private final Tables tables;

    ReadOperations(Tables tables) {
        this.tables = tables;
    }

    ObjectNode query(JsonNode request) {
        ExpressionAttributes attributes = Requests.expressionAttributes(request, "KeyConditionExpression",
                "FilterExpression", "ProjectionExpression");
        String keyText = Requests.string(request, "KeyConditionExpression");
        if (keyText == null) {
            throw DynamoDbException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        TableSchema schema = tables.forItems(request).schema();
        String indexName = Requests.string(request, "IndexName");
        IndexSchema index = indexName == null ? null : schema.index(indexName);
        // The key condition is parsed first, so its placeholders count as used when ReadRequest checks them all;
        // an unknown index is reported by ReadRequest.
        KeyCondition key = indexName != null && index == null ? null
                : KeyCondition.parse(keyText, attributes, keysOf(schema, index));
        ReadRequest read = ReadRequest.parse(request, tables, attributes);
        if (read.filter() != null) {
            KeyCondition.Keys keys = keysOf(schema, index);
            for (String attribute : ConditionAttributes.of(read.filter())) {
                if (attribute.equals(keys.hashName()) || attribute.equals(keys.rangeName())) {
                    throw DynamoDbException.validation("Filter Expression can only contain non-primary key "
                            + "attributes: Primary key attribute: " + attribute);
                }
            }
        }
        JsonNode forwardNode = request.get("ScanIndexForward");
        boolean forward = forwardNode == null || forwardNode.isNull() || forwardNode.asBoolean();
        Iterator<Map<String, Value>> items =
                read.table().query(read.index(), key.hashValue(), key.sort(), forward, read.exclusiveStartKey());
        return page(read, items);
    }

    private static KeyCondition.Keys keysOf(TableSchema schema, IndexSchema index) {
        if (index == null) {
            return new KeyCondition.Keys(schema.hashKey().name(), schema.hashKey().type(),
                    schema.rangeKey() == null ? null : schema.rangeKey().name(),
                    schema.rangeKey() == null ? null : schema.rangeKey().type());
        }
        return new KeyCondition.Keys(index.hashKey().name(), index.hashKey().type(),
                index.rangeKey() == null ? null : index.rangeKey().name(),
                index.rangeKey() == null ? null : index.rangeKey().type());
    }

    ObjectNode scan(JsonNode request) {
        ExpressionAttributes attributes =
                Requests.expressionAttributes(request, "FilterExpression", "ProjectionExpression");
        ReadRequest read = ReadRequest.parse(request, tables, attributes);
        int[] segment = segment(request);
        Iterator<Map<String, Value>> items =
                read.table().scan(read.index(), segment[0], segment[1], read.exclusiveStartKey());
        return page(read, items);
    }

    private static int[] segment(JsonNode request) {
        JsonNode segment = request.get("Segment");
        JsonNode total = request.get("TotalSegments");
        boolean hasSegment = segment != null && !segment.isNull();
        boolean hasTotal = total != null && !total.isNull();
        if (hasSegment && !hasTotal) {
            throw DynamoDbException.validation("The TotalSegments parameter is required but was not present in the "
                    + "request when Segment parameter is present");
        }
        if (hasTotal && !hasSegment) {
            throw DynamoDbException.validation("The Segment parameter is required but was not present in the request "
                    + "when parameter TotalSegments is present");
        }
        if (!hasSegment) {
            return new int[] {0, 1};
        }
        int t = total.asInt();
        int s = segment.asInt();
        if (t < 1 || t > 1_000_000) {
            throw DynamoDbException.validation("1 validation error detected: Value '" + t + "' at 'totalSegments' "
                    + "failed to satisfy constraint: Member must have value "
                    + (t < 1 ? "greater than or equal to 1" : "less than or equal to 1000000"));
        }
        if (s < 0 || s >= t) {
            throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + s + " is not less than TotalSegments: " + t);
        }
        return new int[] {s, t};
    }

    private ObjectNode page(ReadRequest read, Iterator<Map<String, Value>> items) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean count = "COUNT".equals(read.select());
        ArrayNode array = count ? null : out.putArray("Items");
        int scanned = 0;
        int matched = 0;
        long bytes = 0;
        Map<String, Value> last = null;
        while (items.hasNext()) {
            Map<String, Value> item = items.next();
            scanned++;
            bytes += ItemSize.of(item);
            last = item;
            if (read.filter() == null || read.filter().test(item)) {
                matched++;
                if (!count) {
                    array.add(ValueJson.writeItem(shape(read, item)));
                }
            }
            if ((read.limit() != null && scanned >= read.limit()) || bytes >= PAGE_BYTES) {
                out.set("LastEvaluatedKey", ValueJson.writeItem(keyOf(read, last)));
                break;
            }
        }
        out.put("Count", matched);
        out.put("ScannedCount", scanned);
        return out;
    }

    /** The item as returned: a local index's item is read from the table when all attributes are asked for. */
    private static Map<String, Value> shape(ReadRequest read, Map<String, Value> item) {
        Map<String, Value> full = item;
        IndexSchema index = read.index();
        if (index != null && index.local() && !index.projectionType().equals("ALL")
                && !read.select().equals("ALL_PROJECTED_ATTRIBUTES")) {
            Map<String, Value> stored = read.table().get(read.table().keyOf(item));
            full = stored == null ? item : stored;
        }
        return read.projection() == null ? full : read.projection().apply(full);
    }

    private static Map<String, Value> keyOf(ReadRequest read, Map<String, Value> item) {
        TableSchema s = read.table().schema();
        Map<String, Value> key = new LinkedHashMap<>();
        key.put(s.hashKey().name(), item.get(s.hashKey().name()));
        if (s.rangeKey() != null) {
            key.put(s.rangeKey().name(), item.get(s.rangeKey().name()));
        }
        if (read.index() != null) {
            key.put(read.index().hashKey().name(), item.get(read.index().hashKey().name()));
            if (read.index().rangeKey() != null) {
                key.put(read.index().rangeKey().name(), item.get(read.index().rangeKey().name()));
            }
        }
        return key;
    }
}
