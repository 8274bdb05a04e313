package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.Projection;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.storage.Mutation;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import java.util.List;
import java.util.Map;

/** GetItem, PutItem, UpdateItem and DeleteItem. */
final class ItemOperations {

    private static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Tables tables;
    private final ItemWrites writes;

    ItemOperations(Tables tables) {
        this.tables = tables;
        this.writes = new ItemWrites(tables);
    }

    ObjectNode getItem(JsonNode request) {
        Table table = tables.forItems(request);
        PrimaryKey key = Keys.fromKeyMember(table.schema(), Requests.item(request, "Key"));
        ExpressionAttributes attributes = Requests.expressionAttributes(request, "ProjectionExpression");
        String projectionText = Requests.string(request, "ProjectionExpression");
        Projection projection = projectionText == null ? null : Projection.parse(projectionText, attributes);
        attributes.requireAllUsed();
        Map<String, Value> item = table.get(key);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            out.set("Item", ValueJson.writeItem(projection == null ? item : projection.apply(item)));
        }
        return out;
    }

    ObjectNode putItem(JsonNode request) {
        String returnValues = returnValues(request, true);
        Outcome outcome = execute(writes.put(request));
        return attributes("ALL_OLD".equals(returnValues) ? outcome.old() : null);
    }

    ObjectNode deleteItem(JsonNode request) {
        String returnValues = returnValues(request, true);
        Outcome outcome = execute(writes.delete(request));
        return attributes("ALL_OLD".equals(returnValues) ? outcome.old() : null);
    }

    ObjectNode updateItem(JsonNode request) {
        String returnValues = returnValues(request, false);
        ItemWrite write = writes.update(request);
        Outcome outcome = execute(write);
        Map<String, Value> old = outcome.old();
        Map<String, Value> now = outcome.now();
        Projection updated = new Projection(write.updatedPaths());
        return attributes(switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> now;
            case "UPDATED_OLD" -> old == null ? null : updated.apply(old);
            case "UPDATED_NEW" -> updated.apply(now);
            default -> null;
        });
    }

    /** The item before and after a write (either may be null). */
    private record Outcome(Map<String, Value> old, Map<String, Value> now) {
    }

    /** Runs one write under its item's lock. */
    private Outcome execute(ItemWrite write) {
        Database db = tables.database();
        try (Database.Lock ignored = db.lock(List.of(db.stripe(write.table(), write.key())))) {
            Map<String, Value> current = write.table().get(write.key());
            Map<String, Value> next = write.decide(current);
            if (next != current) {
                db.apply(List.of(new Mutation(write.table(), write.key(), next)));
            }
            return new Outcome(current, next);
        }
    }

    private static String returnValues(JsonNode request, boolean putOrDelete) {
        String rv = Requests.oneOf(request, "ReturnValues", "returnValues", RETURN_VALUES, "NONE");
        if (putOrDelete && !rv.equals("NONE") && !rv.equals("ALL_OLD")) {
            throw DynamoDbException.validation("Return values set to invalid value");
        }
        return rv;
    }

    private static ObjectNode attributes(Map<String, Value> item) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (item != null && !item.isEmpty()) {
            out.set("Attributes", ValueJson.writeItem(item));
        }
        return out;
    }
}
