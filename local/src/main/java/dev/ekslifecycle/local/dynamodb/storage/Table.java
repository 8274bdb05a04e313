package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.expression.SortKeyCondition;
import dev.ekslifecycle.local.dynamodb.model.ItemSize;
import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One table's items and secondary indexes. Writes come through {@link Database}, which holds the item's lock and
 * logs the write first; reads need no lock.
 */
public final class Table {

    private volatile TableSchema schema;
    private final SortedPartitions<Value> items = new SortedPartitions<>(KeyOrder.INSTANCE);
    private final Map<String, SortedPartitions<IndexEntryKey>> indexes = new ConcurrentHashMap<>();
    private final AtomicLong itemCount = new AtomicLong();
    private final AtomicLong sizeBytes = new AtomicLong();

    Table(TableSchema schema) {
        this.schema = schema;
        for (IndexSchema index : schema.indexes()) {
            indexes.put(index.name(), new SortedPartitions<>(IndexEntryKey.ORDER));
        }
    }

    public TableSchema schema() {
        return schema;
    }

    public long itemCount() {
        return itemCount.get();
    }

    public long sizeBytes() {
        return sizeBytes.get();
    }

    /** The primary key of an item that has its key attributes. */
    public PrimaryKey keyOf(Map<String, Value> item) {
        TableSchema s = schema;
        return new PrimaryKey(item.get(s.hashKey().name()),
                s.rangeKey() == null ? KeyOrder.ABSENT : item.get(s.rangeKey().name()));
    }

    public Map<String, Value> get(PrimaryKey key) {
        return items.get(PartitionKey.of(key.hash()), key.range());
    }

    /** Replaces (or, with null, deletes) the item at {@code key}; returns the old one. The caller holds its lock. */
    Map<String, Value> write(PrimaryKey key, Map<String, Value> item) {
        PartitionKey partition = PartitionKey.of(key.hash());
        Map<String, Value> old = items.get(partition, key.range());
        if (item == null) {
            items.remove(partition, key.range(), true);
        } else {
            items.put(partition, key.range(), item);
        }
        TableSchema s = schema;
        for (IndexSchema index : s.indexes()) {
            SortedPartitions<IndexEntryKey> data = indexes.get(index.name());
            if (data == null) {
                continue;
            }
            if (old != null && inIndex(index, old)) {
                data.remove(PartitionKey.of(old.get(index.hashKey().name())), entryKey(index, old, partition, key),
                        false);
            }
            if (item != null && inIndex(index, item)) {
                data.put(PartitionKey.of(item.get(index.hashKey().name())), entryKey(index, item, partition, key),
                        index.project(item, s));
            }
        }
        itemCount.addAndGet((item == null ? 0 : 1) - (old == null ? 0 : 1));
        sizeBytes.addAndGet((item == null ? 0 : ItemSize.of(item)) - (old == null ? 0 : ItemSize.of(old)));
        return old;
    }

    private static boolean inIndex(IndexSchema index, Map<String, Value> item) {
        return item.get(index.hashKey().name()) != null
                && (index.rangeKey() == null || item.get(index.rangeKey().name()) != null);
    }

    private static IndexEntryKey entryKey(IndexSchema index, Map<String, Value> item, PartitionKey partition,
                                          PrimaryKey key) {
        Value range = index.rangeKey() == null ? KeyOrder.ABSENT : item.get(index.rangeKey().name());
        return new IndexEntryKey(range, partition, key.range());
    }

    void setSchema(TableSchema newSchema) {
        this.schema = newSchema;
    }

    /** Builds a new index from the items already stored (UpdateTable adding a GSI). The caller blocks writers. */
    void buildIndex(IndexSchema index) {
        SortedPartitions<IndexEntryKey> data = new SortedPartitions<>(IndexEntryKey.ORDER);
        TableSchema s = schema;
        items.from(null).forEach((partition, part) -> part.forEach((range, item) -> {
            if (inIndex(index, item)) {
                data.put(PartitionKey.of(item.get(index.hashKey().name())),
                        entryKey(index, item, partition, new PrimaryKey(partition.value(), range)),
                        index.project(item, s));
            }
        }));
        indexes.put(index.name(), data);
    }

    void dropIndex(String name) {
        indexes.remove(name);
    }

    /**
     * The items of one partition, in sort-key order ({@code forward}) or reverse, that satisfy {@code sort} (null:
     * all), starting after the item whose key attributes {@code after} holds (null: from the start).
     */
    public Iterator<Map<String, Value>> query(IndexSchema index, Value hash, SortKeyCondition sort, boolean forward,
                                              Map<String, Value> after) {
        PartitionKey partition = PartitionKey.of(hash);
        if (index == null) {
            NavigableMap<Value, Map<String, Value>> part = items.partition(partition);
            NavigableMap<Value, Map<String, Value>> view = sort == null ? part : narrow(part, sort, v -> v, v -> v);
            if (after != null) {
                Value start = keyOf(after).range();
                view = forward ? view.tailMap(start, false) : view.headMap(start, false);
            }
            return ranged(view, sort, forward, Function.identity());
        }
        NavigableMap<IndexEntryKey, Map<String, Value>> part = indexes.get(index.name()).partition(partition);
        NavigableMap<IndexEntryKey, Map<String, Value>> view = sort == null ? part
                : narrow(part, sort, v -> new IndexEntryKey(v, PartitionKey.MIN, KeyOrder.ABSENT),
                        v -> new IndexEntryKey(v, PartitionKey.MAX, null));
        if (after != null) {
            IndexEntryKey start = indexPosition(index, after);
            view = forward ? view.tailMap(start, false) : view.headMap(start, false);
        }
        return ranged(view, sort, forward, IndexEntryKey::indexRange);
    }

    private IndexEntryKey indexPosition(IndexSchema index, Map<String, Value> key) {
        PrimaryKey tableKey = keyOf(key);
        Value range = index.rangeKey() == null ? KeyOrder.ABSENT : key.get(index.rangeKey().name());
        return new IndexEntryKey(range, PartitionKey.of(tableKey.hash()), tableKey.range());
    }

    /** The part of a sorted partition between the condition's bounds, using probe keys before and after a value. */
    private static <K> NavigableMap<K, Map<String, Value>> narrow(NavigableMap<K, Map<String, Value>> part,
                                                                 SortKeyCondition sort, Function<Value, K> before,
                                                                 Function<Value, K> after) {
        NavigableMap<K, Map<String, Value>> view = part;
        if (sort.lower() != null) {
            view = sort.lowerInclusive() ? view.tailMap(before.apply(sort.lower()), true)
                    : view.tailMap(after.apply(sort.lower()), false);
        }
        if (sort.upper() != null) {
            view = sort.upperInclusive() ? view.headMap(after.apply(sort.upper()), true)
                    : view.headMap(before.apply(sort.upper()), false);
        }
        return view;
    }

    /** Iterates a view; for begins_with, which has no upper bound, stops at the end of the matching run. */
    private static <K> Iterator<Map<String, Value>> ranged(NavigableMap<K, Map<String, Value>> view,
                                                           SortKeyCondition sort, boolean forward,
                                                           Function<K, Value> sortKeyOf) {
        Iterator<Map.Entry<K, Map<String, Value>>> entries =
                (forward ? view : view.descendingMap()).entrySet().iterator();
        if (sort == null || sort.op() != SortKeyCondition.Op.BEGINS_WITH) {
            return new Iterator<>() {
                public boolean hasNext() {
                    return entries.hasNext();
                }

                public Map<String, Value> next() {
                    return entries.next().getValue();
                }
            };
        }
        List<Map<String, Value>> run = new ArrayList<>();
        while (entries.hasNext()) {
            Map.Entry<K, Map<String, Value>> e = entries.next();
            if (sort.test(sortKeyOf.apply(e.getKey()))) {
                run.add(e.getValue());
            } else if (forward || !run.isEmpty()) {
                break;
            }
        }
        return Collections.unmodifiableList(run).iterator();
    }

    /**
     * All items (of the table or an index) in ring order, restricted to one Scan segment, starting after the item
     * whose key attributes {@code after} holds.
     */
    public Iterator<Map<String, Value>> scan(IndexSchema index, int segment, int totalSegments,
                                             Map<String, Value> after) {
        PartitionKey start = PartitionKey.segmentStart(segment, totalSegments);
        if (index == null) {
            Value afterRange = null;
            if (after != null) {
                PrimaryKey k = keyOf(after);
                start = PartitionKey.of(k.hash());
                afterRange = k.range();
            }
            return new ScanIterator<>(items.from(start), start, afterRange, segment, totalSegments);
        }
        IndexEntryKey afterEntry = null;
        if (after != null) {
            start = PartitionKey.of(after.get(index.hashKey().name()));
            afterEntry = indexPosition(index, after);
        }
        return new ScanIterator<>(indexes.get(index.name()).from(start), start, afterEntry, segment, totalSegments);
    }
}
