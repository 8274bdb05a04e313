package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.Value;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Walks partitions in ring order within one Scan segment, each partition in its own key order. */
final class ScanIterator<K> implements Iterator<Map<String, Value>> {

    private final Iterator<Map.Entry<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>>> partitions;
    private final int segment;
    private final int totalSegments;
    private Iterator<Map<String, Value>> current = Collections.emptyIterator();
    private boolean done;

    ScanIterator(ConcurrentNavigableMap<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>> from,
                 PartitionKey firstPartition, K after, int segment, int totalSegments) {
        this.partitions = from.entrySet().iterator();
        this.segment = segment;
        this.totalSegments = totalSegments;
        if (after != null && partitions.hasNext()) {
            Map.Entry<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>> first = partitions.next();
            java.util.NavigableMap<K, Map<String, Value>> rest = first.getKey().equals(firstPartition)
                    ? first.getValue().tailMap(after, false) : first.getValue();
            current = rest.values().iterator();
        }
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !done) {
            if (!partitions.hasNext()) {
                done = true;
                break;
            }
            Map.Entry<PartitionKey, ConcurrentSkipListMap<K, Map<String, Value>>> next = partitions.next();
            if (next.getKey().segment(totalSegments) != segment) {
                done = true;
                break;
            }
            current = next.getValue().values().iterator();
        }
        return current.hasNext();
    }

    @Override
    public Map<String, Value> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
