package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.n;
import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.Lease;
import dev.ekslifecycle.store.LockHeldException;
import dev.ekslifecycle.store.LockNotHeldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link ClusterLocks} as one item per cluster (sort key LOCK in the cluster's partition). Taking, renewing and
 * releasing are single conditional writes on that item, so of racing callers exactly one succeeds.
 */
final class DynamoDbClusterLocks implements ClusterLocks {

    static final String OWNER = "owner";
    static final String OPERATION = "operationId";
    /** Lease end in epoch milliseconds, compared in conditions. */
    static final String LEASE_UNTIL = "leaseUntil";
    /** Expired leases are only cleaned up by TTL this long after their end; until then they can be taken over. */
    private static final Duration CLEANUP_AFTER = Duration.ofDays(1);

    private final StateTable table;
    private final Clock clock;

    DynamoDbClusterLocks(StateTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Lease acquire(String clusterName, String owner, String operationId, Duration leaseFor) {
        Objects.requireNonNull(owner, "a lock has an owner");
        Objects.requireNonNull(operationId, "a lock is taken for an operation");
        Instant now = clock.instant();
        Lease lease = new Lease(clusterName, owner, operationId, now.plus(leaseFor));
        Map<String, AttributeValue> item = new HashMap<>(StateTable.key(Keys.cluster(clusterName), Keys.LOCK_SK));
        item.put(OWNER, s(owner));
        item.put(OPERATION, s(operationId));
        item.put(LEASE_UNTIL, n(lease.expiresAt().toEpochMilli()));
        item.put(Keys.EXPIRES_AT, Attributes.ttl(lease.expiresAt().plus(CLEANUP_AFTER)));
        Expression e = new Expression();
        String condition = Keys.ITEM_ABSENT + " OR " + e.name(LEASE_UNTIL) + " <= " + e.value(n(now.toEpochMilli()))
                + " OR " + e.name(OWNER) + " = " + e.value(s(owner));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return lease;
        } catch (ConditionalCheckFailedException failed) {
            throw new LockHeldException(lease(clusterName, failed.item()));
        }
    }

    @Override
    public Lease renew(String clusterName, String owner, Duration leaseFor) {
        Instant until = clock.instant().plus(leaseFor);
        Expression e = new Expression().set(LEASE_UNTIL, n(until.toEpochMilli()))
                .set(Keys.EXPIRES_AT, Attributes.ttl(until.plus(CLEANUP_AFTER)));
        String condition = e.name(OWNER) + " = " + e.value(s(owner));
        try {
            return lease(clusterName, table.updateIf(Keys.cluster(clusterName), Keys.LOCK_SK, e, condition));
        } catch (ConditionalCheckFailedException failed) {
            throw notHeld(clusterName, owner, failed);
        }
    }

    @Override
    public void release(String clusterName, String owner) {
        Expression e = new Expression();
        String condition = Keys.ITEM_ABSENT + " OR " + e.name(OWNER) + " = " + e.value(s(owner));
        try {
            table.client().deleteItem(b -> b.tableName(table.name())
                    .key(StateTable.key(Keys.cluster(clusterName), Keys.LOCK_SK)).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException failed) {
            throw notHeld(clusterName, owner, failed);
        }
    }

    @Override
    public Optional<Lease> current(String clusterName) {
        return table.get(Keys.cluster(clusterName), Keys.LOCK_SK).map(item -> lease(clusterName, item))
                .filter(this::unexpired);
    }

    private boolean unexpired(Lease lease) {
        return lease.expiresAt().isAfter(clock.instant());
    }

    private LockNotHeldException notHeld(String clusterName, String owner, ConditionalCheckFailedException failed) {
        Map<String, AttributeValue> item = failed.item();
        Lease holder = item == null || item.isEmpty() ? null : lease(clusterName, item);
        return new LockNotHeldException(clusterName, owner, holder == null || !unexpired(holder) ? null : holder);
    }

    private static Lease lease(String clusterName, Map<String, AttributeValue> item) {
        return new Lease(clusterName, Attributes.string(item, OWNER), Attributes.string(item, OPERATION),
                Instant.ofEpochMilli(Attributes.number(item, LEASE_UNTIL)));
    }
}
