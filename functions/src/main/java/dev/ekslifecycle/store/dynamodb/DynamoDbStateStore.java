package dev.ekslifecycle.store.dynamodb;

import dev.ekslifecycle.store.ClusterAuditLog;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.IdSource;
import dev.ekslifecycle.store.IdempotencyStore;
import dev.ekslifecycle.store.OperationStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The state stores (and the clusters' audit log) on one DynamoDB table (the template's {@code StateTable}, named by {@code STATE_TABLE}). Time
 * comes from {@code clock}, operation IDs from {@code ids}.
 */
public final class DynamoDbStateStore {

    private final ClusterStore clusters;
    private final OperationStore operations;
    private final ClusterLocks locks;
    private final IdempotencyStore idempotency;
    private final ClusterAuditLog auditLog;

    public DynamoDbStateStore(DynamoDbClient client, String tableName, Clock clock, IdSource ids) {
        StateTable table = new StateTable(client, tableName);
        this.clusters = new DynamoDbClusterStore(table, clock);
        this.operations = new DynamoDbOperationStore(table, clock, ids);
        this.locks = new DynamoDbClusterLocks(table, clock);
        this.idempotency = new DynamoDbIdempotencyStore(table, clock);
        this.auditLog = new DynamoDbClusterAuditLog(table, clock);
    }

    public ClusterStore clusters() {
        return clusters;
    }

    public OperationStore operations() {
        return operations;
    }

    public ClusterLocks locks() {
        return locks;
    }

    public IdempotencyStore idempotency() {
        return idempotency;
    }

    public ClusterAuditLog auditLog() {
        return auditLog;
    }
}
