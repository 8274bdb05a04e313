package dev.ekslifecycle.store.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The key design of the state table (see docs/ARCHITECTURE.md, "State in DynamoDB"). */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    /** The TTL attribute, epoch seconds. */
    static final String EXPIRES_AT = "expiresAt";

    /** The condition that the item written does not exist yet ({@code pk} is no reserved word). */
    static final String ITEM_ABSENT = "attribute_not_exists(pk)";

    static final String CLUSTER_SK = "CLUSTER";
    static final String LOCK_SK = "LOCK";
    static final String OPERATION_SK = "OPERATION";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String STEP_PREFIX = "STEP#";
    static final String AUDIT_PREFIX = "AUDIT#";
    /** The index partition that lists every cluster by name. */
    static final String ALL_CLUSTERS = "CLUSTERS";

    // Fixed width, so that index sort keys order as time does (Instant.toString drops trailing zeros).
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    static String cluster(String name) {
        return "CLUSTER#" + name;
    }

    static String operation(String id) {
        return "OP#" + id;
    }

    /** Step sort keys: zero-padded so that they sort by number. */
    static String step(int sequence) {
        return STEP_PREFIX + String.format("%010d", sequence);
    }

    /** A cluster's operations in the index: the cluster's partition, newest last in sort order. */
    static String operationInCluster(Instant createdAt, String id) {
        return "OP#" + SORTABLE.format(createdAt) + "#" + id;
    }

    /** An entry of a cluster's audit log, in the cluster's partition. */
    static String audit(String entryId) {
        return AUDIT_PREFIX + entryId;
    }

    static String idempotency(String key) {
        return "IDEMPOTENCY#" + key;
    }
}
