package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.Projection;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException.CancellationReason;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.Database;
import dev.ekslifecycle.local.dynamodb.storage.Mutation;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import dev.ekslifecycle.local.dynamodb.model.ValueJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems: every item involved is locked (in stripe order, so transactions never
 * deadlock), all conditions are checked, and then all writes are applied as one journal entry, or none.
 */
final class TransactionOperations {

    private static final int MAX_ACTIONS = 100;

    private final Tables tables;
    private final ItemWrites writes;

    TransactionOperations(Tables tables) {
        this.tables = tables;
        this.writes = new ItemWrites(tables);
    }

    ObjectNode transactWriteItems(JsonNode request) {
        List<ItemWrite> actions = new ArrayList<>();
        for (JsonNode element : actionList(request)) {
            actions.add(parse(element));
        }
        requireDistinctItems(actions.stream().map(w -> new ItemRef(w.table(), w.key())).toList());
        Database db = tables.database();
        List<Integer> stripes = actions.stream().map(w -> db.stripe(w.table(), w.key())).toList();
        try (Database.Lock ignored = db.lock(stripes)) {
            List<Mutation> mutations = new ArrayList<>();
            List<CancellationReason> reasons = new ArrayList<>();
            boolean failed = false;
            for (ItemWrite w : actions) {
                Map<String, Value> current = w.table().get(w.key());
                try {
                    Map<String, Value> next = w.decide(current);
                    if (next != current) {
                        mutations.add(new Mutation(w.table(), w.key(), next));
                    }
                    reasons.add(CancellationReason.NONE);
                } catch (DynamoDbException e) {
                    failed = true;
                    reasons.add(reason(e));
                }
            }
            if (failed) {
                throw DynamoDbException.transactionCanceled(reasons);
            }
            db.apply(mutations);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static CancellationReason reason(DynamoDbException e) {
        if (e.type().equals("ConditionalCheckFailedException")) {
            return new CancellationReason("ConditionalCheckFailed", e.getMessage(), e.item());
        }
        return new CancellationReason("ValidationError", e.getMessage(), null);
    }

    private ItemWrite parse(JsonNode element) {
        int kinds = 0;
        ItemWrite write = null;
        if (element.hasNonNull("Put")) {
            kinds++;
            write = writes.put(element.get("Put"));
        }
        if (element.hasNonNull("Update")) {
            kinds++;
            write = writes.update(element.get("Update"));
        }
        if (element.hasNonNull("Delete")) {
            kinds++;
            write = writes.delete(element.get("Delete"));
        }
        if (element.hasNonNull("ConditionCheck")) {
            kinds++;
            write = writes.conditionCheck(element.get("ConditionCheck"));
        }
        if (kinds != 1) {
            throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        return write;
    }

    ObjectNode transactGetItems(JsonNode request) {
        List<Table> gotTables = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        List<Projection> projections = new ArrayList<>();
        for (JsonNode element : actionList(request)) {
            JsonNode get = element.get("Get");
            if (get == null || get.isNull()) {
                throw DynamoDbException.validation("1 validation error detected: Value null at "
                        + "'transactItems.member.get' failed to satisfy constraint: Member must not be null");
            }
            Table table = tables.forItems(get);
            keys.add(Keys.fromKeyMember(table.schema(), Requests.item(get, "Key")));
            gotTables.add(table);
            ExpressionAttributes attributes = Requests.expressionAttributes(get, "ProjectionExpression");
            String text = Requests.string(get, "ProjectionExpression");
            projections.add(text == null ? null : Projection.parse(text, attributes));
            attributes.requireAllUsed();
        }
        List<ItemRef> refs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            refs.add(new ItemRef(gotTables.get(i), keys.get(i)));
        }
        requireDistinctItems(refs);
        Database db = tables.database();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = out.putArray("Responses");
        try (Database.Lock ignored = db.lock(refs.stream().map(r -> db.stripe(r.table(), r.key())).toList())) {
            for (int i = 0; i < refs.size(); i++) {
                Map<String, Value> item = refs.get(i).table().get(refs.get(i).key());
                ObjectNode response = responses.addObject();
                if (item != null) {
                    Projection p = projections.get(i);
                    response.set("Item", ValueJson.writeItem(p == null ? item : p.apply(item)));
                }
            }
        }
        return out;
    }

    private static JsonNode actionList(JsonNode request) {
        JsonNode items = Requests.required(request, "TransactItems", "transactItems");
        if (items.size() < 1 || items.size() > MAX_ACTIONS) {
            throw DynamoDbException.validation("1 validation error detected: Value at 'transactItems' failed to "
                    + "satisfy constraint: Member must have length " + (items.size() < 1
                    ? "greater than or equal to 1" : "less than or equal to " + MAX_ACTIONS));
        }
        return items;
    }

    private record ItemRef(Table table, PrimaryKey key) {
    }

    private static void requireDistinctItems(List<ItemRef> refs) {
        Set<ItemRef> seen = new HashSet<>();
        for (ItemRef r : refs) {
            if (!seen.add(r)) {
                throw DynamoDbException.validation(
                        "Transaction request cannot include multiple operations on one item");
            }
        }
    }
}
