package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A global or local secondary index: its keys and which attributes it projects (KEYS_ONLY, INCLUDE with
 * non-key attributes, or ALL).
 */
public record IndexSchema(String name, boolean local, KeyAttribute hashKey, KeyAttribute rangeKey,
                          String projectionType, List<String> nonKeyAttributes) {

    public IndexSchema {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    /** The item as the index stores it: its projected attributes, always including the table's and index's keys. */
    public Map<String, Value> project(Map<String, Value> item, TableSchema table) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, Value> out = new LinkedHashMap<>();
        copy(item, out, table.hashKey().name());
        if (table.rangeKey() != null) {
            copy(item, out, table.rangeKey().name());
        }
        copy(item, out, hashKey.name());
        if (rangeKey != null) {
            copy(item, out, rangeKey.name());
        }
        for (String a : nonKeyAttributes) {
            copy(item, out, a);
        }
        return out;
    }

    private static void copy(Map<String, Value> from, Map<String, Value> to, String name) {
        Value v = from.get(name);
        if (v != null) {
            to.put(name, v);
        }
    }
}
