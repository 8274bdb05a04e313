package dev.ekslifecycle.local.dynamodb.storage;

import dev.ekslifecycle.local.dynamodb.model.KeyOrder;
import dev.ekslifecycle.local.dynamodb.model.Value;

/**
 * A partition key value placed on a hash ring, as DynamoDB spreads partitions: Scan walks partitions in token
 * order, and Scan segment {@code i} of {@code n} is the {@code i}-th slice of the ring. The token is computed from
 * the value alone, so the order is the same after a restart.
 */
record PartitionKey(int token, Value value) implements Comparable<PartitionKey> {

    /** Before every partition. */
    static final PartitionKey MIN = new PartitionKey(0, KeyOrder.ABSENT);

    /** After every partition (its value is null, which sorts last). */
    static final PartitionKey MAX = new PartitionKey(-1, null);

    static PartitionKey of(Value value) {
        int h = value.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return new PartitionKey(h, value);
    }

    /** The first place on the ring of Scan segment {@code segment} of {@code total}. */
    static PartitionKey segmentStart(int segment, int total) {
        long token = ((long) segment << 32) / total;
        while ((((token & 0xffffffffL) * total) >>> 32) < segment) {
            token++;
        }
        return new PartitionKey((int) token, KeyOrder.ABSENT);
    }

    /** The Scan segment, of {@code total}, this partition belongs to. */
    int segment(int total) {
        return (int) (((token & 0xffffffffL) * total) >>> 32);
    }

    @Override
    public int compareTo(PartitionKey o) {
        int c = Integer.compareUnsigned(token, o.token);
        if (c != 0) {
            return c;
        }
        if (value == null || o.value == null) {
            return Boolean.compare(value == null, o.value == null);
        }
        return KeyOrder.INSTANCE.compare(value, o.value);
    }
}
