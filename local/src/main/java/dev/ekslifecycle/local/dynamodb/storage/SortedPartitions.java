package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Items grouped by partition key, each partition sorted by its own key type {@code K}: the shape of a table (K is
 * the sort key) and of a secondary index (K is the index sort key plus the table key, to keep entries apart).
 * Readers never lock: the maps are concurrent and items are immutable. Partitions are found by hash (one lookup
 * per GetItem, write or Query) and kept in ring order too, for Scan.
 */
final class SortedPartitions<K> {

    private final ConcurrentHashMap<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>> byKey =
            new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>> partitions =
            new ConcurrentSkipListMap<>();
    private final Comparator<K> order;

    SortedPartitions(Comparator<K> order) {
        this.order = order;
    }

    Map<String, Value> get(PartitionKey partition, K key) {
        ConcurrentSkipListMap<K, Map<String, Value>> p = byKey.get(partition);
        return p == null ? null : p.get(key);
    }

    void put(PartitionKey partition, K key, Map<String, Value> item) {
        ConcurrentSkipListMap<K, Map<String, Value>> p = byKey.get(partition);
        if (p == null) {
            p = byKey.computeIfAbsent(partition, k -> {
                ConcurrentSkipListMap<K, Map<String, Value>> created = new ConcurrentSkipListMap<>(order);
                partitions.put(k, created);
                return created;
            });
        }
        p.put(key, item);
    }

    /**
     * Removes one entry. With {@code dropEmpty} an emptied partition goes too; only a caller that holds the lock of
     * every writer of this partition may ask for that (a table's own items, all locked by partition key), or a
     * concurrent put could land in the dropped map. Index partitions, written under many table-partition locks,
     * stay when empty.
     */
    void remove(PartitionKey partition, K key, boolean dropEmpty) {
        ConcurrentSkipListMap<K, Map<String, Value>> p = byKey.get(partition);
        if (p != null) {
            p.remove(key);
            if (dropEmpty && p.isEmpty()) {
                byKey.remove(partition, p);
                partitions.remove(partition, p);
            }
        }
    }

    /** One partition, sorted; empty when there is none. */
    NavigableMap<K, Map<String, Value>> partition(PartitionKey partition) {
        ConcurrentSkipListMap<K, Map<String, Value>> p = byKey.get(partition);
        return p == null ? new ConcurrentSkipListMap<>(order) : p;
    }

    /** All partitions from {@code from} on (inclusive), in ring order. */
    ConcurrentNavigableMap<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>> from(PartitionKey from) {
        return from == null ? partitions : partitions.tailMap(from, true);
    }
}
