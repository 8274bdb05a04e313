package dev.ekslifecycle.local.dynamodb.operations;

import dev.ekslifecycle.local.dynamodb.model.DynamoDbException;
import dev.ekslifecycle.local.dynamodb.model.ItemSize;
import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;
import dev.ekslifecycle.local.dynamodb.storage.IndexSchema;
import dev.ekslifecycle.local.dynamodb.storage.KeyAttribute;
import dev.ekslifecycle.local.dynamodb.storage.PrimaryKey;
import dev.ekslifecycle.local.dynamodb.storage.TableSchema;
import java.util.Map;

/** DynamoDB's checks on keys and whole items against a table's schema, with its messages. */
final class Keys {

    private static final int MAX_HASH_KEY_BYTES = 2048;
    private static final int MAX_RANGE_KEY_BYTES = 1024;

    private Keys() {
    }

    /** The primary key named by a {@code Key} member, which must hold the key attributes and nothing else. */
    static PrimaryKey fromKeyMember(TableSchema schema, Map<String, Value> key) {
        if (key == null) {
            throw DynamoDbException.validation("1 validation error detected: Value null at 'key' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        int expected = schema.rangeKey() == null ? 1 : 2;
        if (key.size() != expected || !matches(key, schema.hashKey())
                || (schema.rangeKey() != null && !matches(key, schema.rangeKey()))) {
            throw DynamoDbException.validation("The provided key element does not match the schema");
        }
        checkKeyValues(schema, key);
        return primaryKey(schema, key);
    }

    private static boolean matches(Map<String, Value> key, KeyAttribute attribute) {
        Value v = key.get(attribute.name());
        return v != null && v.type() == attribute.type();
    }

    static PrimaryKey primaryKey(TableSchema schema, Map<String, Value> item) {
        return new PrimaryKey(item.get(schema.hashKey().name()),
                schema.rangeKey() == null ? KeyOrder.ABSENT : item.get(schema.rangeKey().name()));
    }

    /** Checks a whole item to be stored (PutItem, or the result of an update); returns its key. */
    static PrimaryKey checkItem(TableSchema schema, Map<String, Value> item, boolean update) {
        checkKeyAttribute(item, schema.hashKey());
        if (schema.rangeKey() != null) {
            checkKeyAttribute(item, schema.rangeKey());
        }
        checkKeyValues(schema, item);
        for (IndexSchema index : schema.indexes()) {
            checkIndexKey(item, index, index.hashKey());
            if (index.rangeKey() != null) {
                checkIndexKey(item, index, index.rangeKey());
            }
        }
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbException.validation(update ? "Item size to update has exceeded the maximum allowed size"
                    : "Item size has exceeded the maximum allowed size");
        }
        return primaryKey(schema, item);
    }

    private static void checkKeyAttribute(Map<String, Value> item, KeyAttribute key) {
        Value v = item.get(key.name());
        if (v == null) {
            throw DynamoDbException.validation(
                    "One or more parameter values were invalid: Missing the key " + key.name() + " in the item");
        }
        if (v.type() != key.type()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for key "
                    + key.name() + " expected: " + key.type() + " actual: " + v.type());
        }
    }

    private static void checkKeyValues(TableSchema schema, Map<String, Value> item) {
        Value hash = item.get(schema.hashKey().name());
        checkNotEmpty(hash, schema.hashKey().name());
        if (ItemSize.of(hash) > MAX_HASH_KEY_BYTES) {
            throw DynamoDbException.validation("One or more parameter values were invalid: "
                    + "Size of hashkey has exceeded the maximum size limit of" + MAX_HASH_KEY_BYTES + " bytes");
        }
        if (schema.rangeKey() != null) {
            Value range = item.get(schema.rangeKey().name());
            checkNotEmpty(range, schema.rangeKey().name());
            if (ItemSize.of(range) > MAX_RANGE_KEY_BYTES) {
                throw DynamoDbException.validation("One or more parameter values were invalid: "
                        + "Aggregated size of all range keys has exceeded the size limit of "
                        + MAX_RANGE_KEY_BYTES + " bytes");
            }
        }
    }

    private static void checkNotEmpty(Value v, String name) {
        if ((v instanceof Value.S s && s.value().isEmpty()) || (v instanceof Value.B b && b.value().length() == 0)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for "
                    + "a key attribute cannot contain an empty " + (v instanceof Value.S ? "string" : "binary")
                    + " value. Key: " + name);
        }
    }

    private static void checkIndexKey(Map<String, Value> item, IndexSchema index, KeyAttribute key) {
        Value v = item.get(key.name());
        if (v == null) {
            return;
        }
        if (v.type() != key.type()) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for Index "
                    + "Key " + key.name() + " Expected: " + key.type() + " Actual: " + v.type() + " IndexName: "
                    + index.name());
        }
        if ((v instanceof Value.S s && s.value().isEmpty()) || (v instanceof Value.B b && b.value().length() == 0)) {
            throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain "
                    + "an empty " + (v instanceof Value.S ? "string" : "binary") + " value. IndexName: "
                    + index.name() + ", IndexKey: " + key.name());
        }
    }
}
