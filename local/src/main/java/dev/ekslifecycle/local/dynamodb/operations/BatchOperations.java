package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.Projection;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.storage.Mutation;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 puts and deletes). Each item is its own operation:
 * the fault injector is asked per item, and an item it throttles comes back in UnprocessedKeys/UnprocessedItems;
 * when every item is throttled the whole call fails, as DynamoDB does.
 */
final class BatchOperations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Tables tables;
    private final CallFaults faults;

    BatchOperations(Tables tables, CallFaults faults) {
        this.tables = tables;
        this.faults = faults;
    }

    ObjectNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = Requests.required(request, "RequestItems", "requestItems");
        int total = 0;
        for (JsonNode perTable : requestItems) {
            total += perTable.size();
        }
        if (total < 1 || total > 25) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'requestItems' failed to "
                    + "satisfy constraint: Map value must satisfy constraint: [Member must have length less than or "
                    + "equal to 25, Member must have length greater than or equal to 1]");
        }
        Set<ItemId> seen = new HashSet<>();
        ObjectNode unprocessed = F.objectNode();
        int processed = 0;
        Database db = tables.database();
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Table table = tables.named(entry.getKey());
            for (JsonNode write : entry.getValue()) {
                Mutation m = mutation(table, write);
                if (!seen.add(new ItemId(table, m.key()))) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                if (faults.throttled("BatchWriteItem", entry.getKey())) {
                    unprocessedList(unprocessed, entry.getKey()).add(write);
                    continue;
                }
                try (Database.Lock ignored = db.lock(List.of(db.stripe(table, m.key())))) {
                    db.apply(List.of(m));
                }
                processed++;
            }
        }
        if (processed == 0) {
            throw faults.allThrottled();
        }
        ObjectNode out = F.objectNode();
        out.set("UnprocessedItems", unprocessed);
        return out;
    }

    private static Mutation mutation(Table table, JsonNode write) {
        JsonNode put = write.get("PutRequest");
        JsonNode delete = write.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
            throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        if (put != null) {
            Map<String, Value> item = Requests.item(put, "Item");
            if (item == null) {
                Requests.required(put, "Item", "item");
            }
            return new Mutation(table, Keys.checkItem(table.schema(), item, false), item);
        }
        return new Mutation(table, Keys.fromKeyMember(table.schema(), Requests.item(delete, "Key")), null);
    }

    private static ArrayNode unprocessedList(ObjectNode unprocessed, String table) {
        return unprocessed.has(table) ? (ArrayNode) unprocessed.get(table) : unprocessed.putArray(table);
    }

    ObjectNode batchGetItem(JsonNode request) {
        JsonNode requestItems = Requests.required(request, "RequestItems", "requestItems");
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> perTable = it.next();
            int keys = perTable.getValue().path("Keys").size();
            if (keys > 100) {
                throw DynamoDbException.validation("1 validation error detected: Value at 'requestItems."
                        + perTable.getKey() + ".member.keys' failed to satisfy constraint: Member must have length "
                        + "less than or equal to 100");
            }
            total += keys;
        }
        if (total > 100) {
            throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode responses = F.objectNode();
        ObjectNode unprocessed = F.objectNode();
        int processed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode spec = entry.getValue();
            Table table = tables.named(name);
            ExpressionAttributes attributes = Requests.expressionAttributes(spec, "ProjectionExpression");
            String text = Requests.string(spec, "ProjectionExpression");
            Projection projection = text == null ? null : Projection.parse(text, attributes);
            attributes.requireAllUsed();
            ArrayNode found = responses.putArray(name);
            Set<PrimaryKey> seen = new HashSet<>();
            for (JsonNode keyNode : Requests.required(spec, "Keys", "keys")) {
                PrimaryKey key = Keys.fromKeyMember(table.schema(), ValueJson.readItem(keyNode));
                if (!seen.add(key)) {
                    throw DynamoDbException.validation("Provided list of item keys contains duplicates");
                }
                if (faults.throttled("BatchGetItem", name)) {
                    unprocessedKeys(unprocessed, name, spec).add(keyNode);
                    continue;
                }
                processed++;
                Map<String, Value> item = table.get(key);
                if (item != null) {
                    found.add(ValueJson.writeItem(projection == null ? item : projection.apply(item)));
                }
            }
        }
        if (processed == 0 && total > 0) {
            throw faults.allThrottled();
        }
        ObjectNode out = F.objectNode();
        out.set("Responses", responses);
        out.set("UnprocessedKeys", unprocessed);
        return out;
    }

    /** The table's entry in UnprocessedKeys: its request without the keys, which are added one by one. */
    private static ArrayNode unprocessedKeys(ObjectNode unprocessed, String table, JsonNode spec) {
        if (!unprocessed.has(table)) {
            ObjectNode copy = spec.deepCopy();
            copy.putArray("Keys");
            unprocessed.set(table, copy);
        }
        return (ArrayNode) unprocessed.get(table).get("Keys");
    }

    private record ItemId(Table table, PrimaryKey key) {
    }
}
