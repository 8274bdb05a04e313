package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about a table except its items: keys, attribute definitions, indexes, billing, TTL setting and
 * tags. Immutable; UpdateTable, UpdateTimeToLive and tagging swap in a changed copy.
 */
public record TableSchema(
        String name,
        String arn,
        String tableId,
        Instant created,
        KeyAttribute hashKey,
        KeyAttribute rangeKey,
        Map<String, ValueType> attributeDefinitions,
        List<IndexSchema> indexes,
        String billingMode,
        long readCapacity,
        long writeCapacity,
        String ttlAttribute,
        Map<String, String> tags) {

    public TableSchema {
        attributeDefinitions = Map.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
        tags = Map.copyOf(tags);
    }

    public IndexSchema index(String indexName) {
        for (IndexSchema i : indexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    /** True when {@code attribute} is a key of the table (not of an index). */
    public boolean isKey(String attribute) {
        return hashKey.name().equals(attribute) || (rangeKey != null && rangeKey.name().equals(attribute));
    }

    public TableSchema withIndexes(List<IndexSchema> newIndexes, Map<String, ValueType> definitions) {
        return new TableSchema(name, arn, tableId, created, hashKey, rangeKey, definitions, newIndexes, billingMode,
                readCapacity, writeCapacity, ttlAttribute, tags);
    }

    public TableSchema withBilling(String mode, long read, long write) {
        return new TableSchema(name, arn, tableId, created, hashKey, rangeKey, attributeDefinitions, indexes, mode,
                read, write, ttlAttribute, tags);
    }

    /** With TTL on {@code attribute}, or off when it is null. */
    public TableSchema withTtl(String attribute) {
        return new TableSchema(name, arn, tableId, created, hashKey, rangeKey, attributeDefinitions, indexes,
                billingMode, readCapacity, writeCapacity, attribute, tags);
    }

    public TableSchema withTags(Map<String, String> newTags) {
        return new TableSchema(name, arn, tableId, created, hashKey, rangeKey, attributeDefinitions, indexes,
                billingMode, readCapacity, writeCapacity, ttlAttribute, newTags);
    }
}
