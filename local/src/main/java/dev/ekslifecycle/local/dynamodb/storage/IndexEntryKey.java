package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.Comparator;

/**
 * The place of an item inside an index partition: by the index sort key, then by the table's key, so items with
 * equal index keys stay distinct and in a stable order.
 */
record IndexEntryKey(Value indexRange, PartitionKey tablePartition, Value tableRange) {

    static final Comparator<IndexEntryKey> ORDER = Comparator
            .comparing(IndexEntryKey::indexRange, KeyOrder.INSTANCE)
            .thenComparing(IndexEntryKey::tablePartition)
            .thenComparing(IndexEntryKey::tableRange, KeyOrder.INSTANCE);
}
