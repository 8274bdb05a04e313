package dev.ekslifecycle.local.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.dynamodb.expression.Condition;
import dev.ekslifecycle.local.dynamodb.expression.ConditionParser;
import dev.ekslifecycle.local.dynamodb.expression.DocumentPath;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionAttributes;
import dev.ekslifecycle.local.dynamodb.expression.ExpressionKind;
import dev.ekslifecycle.local.dynamodb.expression.UpdateExpression;
import dev.ekslifecycle.local.dynamodb.expression.UpdateParser;
import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.Table;
import dev.ekslifecycle.local.dynamodb.storage.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the write requests that PutItem, UpdateItem, DeleteItem and TransactWriteItems share into
 * {@link ItemWrite}s, checking everything that does not depend on the stored item.
 */
final class ItemWrites {

    private static final List<String> ON_FAILURE = List.of("ALL_OLD", "NONE");

    private final Tables tables;

    ItemWrites(Tables tables) {
        this.tables = tables;
    }

    ItemWrite put(JsonNode request) {
        Table table = tables.forItems(request);
        Map<String, Value> item = Requests.item(request, "Item");
        if (item == null) {
            Requests.required(request, "Item", "item");
        }
        PrimaryKey key = Keys.checkItem(table.schema(), item, false);
        ExpressionAttributes attributes = Requests.expressionAttributes(request, "ConditionExpression");
        Condition condition = condition(request, attributes);
        attributes.requireAllUsed();
        return new Put(table, key, item, condition, returnOldOnFailure(request));
    }

    ItemWrite delete(JsonNode request) {
        Table table = tables.forItems(request);
        PrimaryKey key = Keys.fromKeyMember(table.schema(), Requests.item(request, "Key"));
        ExpressionAttributes attributes = Requests.expressionAttributes(request, "ConditionExpression");
        Condition condition = condition(request, attributes);
        attributes.requireAllUsed();
        return new Delete(table, key, condition, returnOldOnFailure(request));
    }

    ItemWrite conditionCheck(JsonNode request) {
        Table table = tables.forItems(request);
        PrimaryKey key = Keys.fromKeyMember(table.schema(), Requests.item(request, "Key"));
        ExpressionAttributes attributes = Requests.expressionAttributes(request, "ConditionExpression");
        Requests.requiredString(request, "ConditionExpression", "conditionExpression");
        Condition condition = condition(request, attributes);
        attributes.requireAllUsed();
        return new Check(table, key, condition, returnOldOnFailure(request));
    }

    ItemWrite update(JsonNode request) {
        Table table = tables.forItems(request);
        TableSchema schema = table.schema();
        Map<String, Value> keyMember = Requests.item(request, "Key");
        PrimaryKey key = Keys.fromKeyMember(schema, keyMember);
        ExpressionAttributes attributes =
                Requests.expressionAttributes(request, "UpdateExpression", "ConditionExpression");
        String text = Requests.string(request, "UpdateExpression");
        UpdateExpression update = text == null ? null : UpdateParser.parse(text, attributes);
        Condition condition = condition(request, attributes);
        attributes.requireAllUsed();
        if (update != null) {
            for (DocumentPath p : update.paths()) {
                if (schema.isKey(p.attribute())) {
                    throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update "
                            + "attribute " + p.attribute() + ". This attribute is part of the key");
                }
            }
        }
        return new Update(table, key, new LinkedHashMap<>(keyMember), update, condition,
                returnOldOnFailure(request));
    }

    private static Condition condition(JsonNode request, ExpressionAttributes attributes) {
        String text = Requests.string(request, "ConditionExpression");
        return text == null ? null : ConditionParser.parse(text, ExpressionKind.CONDITION, attributes);
    }

    private static boolean returnOldOnFailure(JsonNode request) {
        return "ALL_OLD".equals(Requests.oneOf(request, "ReturnValuesOnConditionCheckFailure",
                "returnValuesOnConditionCheckFailure", ON_FAILURE, "NONE"));
    }

    record Put(Table table, PrimaryKey key, Map<String, Value> item, Condition condition, boolean returnOld)
            implements ItemWrite {
        public Map<String, Value> decide(Map<String, Value> current) {
            ItemWrite.check(condition, current, returnOld);
            return item;
        }
    }

    record Delete(Table table, PrimaryKey key, Condition condition, boolean returnOld) implements ItemWrite {
        public Map<String, Value> decide(Map<String, Value> current) {
            ItemWrite.check(condition, current, returnOld);
            return null;
        }
    }

    record Check(Table table, PrimaryKey key, Condition condition, boolean returnOld) implements ItemWrite {
        public Map<String, Value> decide(Map<String, Value> current) {
            ItemWrite.check(condition, current, returnOld);
            return current;
        }
    }

    record Update(Table table, PrimaryKey key, Map<String, Value> keyItem, UpdateExpression update,
                  Condition condition, boolean returnOld) implements ItemWrite {
        public Map<String, Value> decide(Map<String, Value> current) {
            ItemWrite.check(condition, current, returnOld);
            Map<String, Value> base = current == null ? keyItem : current;
            Map<String, Value> next = update == null ? base : update.apply(base);
            if (next == current) {
                return current;
            }
            Keys.checkItem(table.schema(), next, true);
            return next;
        }

        public List<DocumentPath> updatedPaths() {
            return update == null ? List.of() : update.paths();
        }
    }
}
