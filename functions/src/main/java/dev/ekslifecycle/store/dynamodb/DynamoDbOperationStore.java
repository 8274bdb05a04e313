package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.instant;
import static dev.ekslifecycle.store.dynamodb.Attributes.n;
import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.store.IdSource;
import dev.ekslifecycle.store.IllegalTransitionException;
import dev.ekslifecycle.store.NewOperation;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationNotFoundException;
import dev.ekslifecycle.store.OperationStatus;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.Page;
import dev.ekslifecycle.store.StepEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link OperationStore} on the state table. Status changes are UpdateItems conditioned on the current status; a
 * step is appended in one transaction with the operation's step count, so numbers have no gaps and no repeats.
 */
final class DynamoDbOperationStore implements OperationStore {

    /** Appends that lost a race read the count again; this many losses in a row means something is wrong. */
    private static final int MAX_APPEND_ATTEMPTS = 100;

    private final StateTable table;
    private final Clock clock;
    private final IdSource ids;

    DynamoDbOperationStore(StateTable table, Clock clock, IdSource ids) {
        this.table = table;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Operation create(NewOperation request) {
        Instant now = clock.instant();
        Operation op = new Operation(ids.nextId(), request.clusterName(), request.type(), request.requester(),
                request.input(), OperationStatus.PENDING, null, null, now, now, null, 0);
        table.client().putItem(b -> b.tableName(table.name()).item(OperationItems.item(op))
                .conditionExpression(Keys.ITEM_ABSENT));
        return op;
    }

    @Override
    public Operation get(String operationId) {
        return table.get(Keys.operation(operationId), Keys.OPERATION_SK).map(OperationItems::operation)
                .orElseThrow(() -> new OperationNotFoundException(operationId));
    }

    @Override
    public Operation markRunning(String operationId, String executionArn) {
        Expression e = new Expression().set(OperationItems.STATUS, s(OperationStatus.RUNNING.name()))
                .set(OperationItems.EXECUTION_ARN, s(executionArn))
                .set(OperationItems.UPDATED_AT, instant(clock.instant()));
        String status = e.name(OperationItems.STATUS);
        String condition = status + " = " + e.value(s(OperationStatus.PENDING.name())) + " OR (" + status + " = "
                + e.value(s(OperationStatus.RUNNING.name())) + " AND " + e.name(OperationItems.EXECUTION_ARN)
                + " = " + e.value(s(executionArn)) + ")";
        try {
            return update(operationId, e, condition);
        } catch (ConditionalCheckFailedException failed) {
            throw new IllegalTransitionException(operationId, current(operationId, failed).status(), "RUNNING");
        }
    }

    @Override
    public Operation finish(String operationId, OperationStatus outcome, String error) {
        if (!outcome.isFinal()) {
            throw new IllegalArgumentException(outcome + " is not a final status");
        }
        Instant now = clock.instant();
        Expression e = new Expression().set(OperationItems.STATUS, s(outcome.name()))
                .set(OperationItems.UPDATED_AT, instant(now)).set(OperationItems.FINISHED_AT, instant(now))
                .setOrRemove(OperationItems.ERROR, error == null ? null : s(error));
        String condition = e.name(OperationItems.STATUS) + " IN (" + e.value(s(OperationStatus.PENDING.name()))
                + ", " + e.value(s(OperationStatus.RUNNING.name())) + ")";
        try {
            return update(operationId, e, condition);
        } catch (ConditionalCheckFailedException failed) {
            Operation current = current(operationId, failed);
            if (current.status() == outcome) {
                return current;
            }
            throw new IllegalTransitionException(operationId, current.status(), outcome.name());
        }
    }

    private Operation update(String operationId, Expression e, String condition) {
        return OperationItems.operation(table.updateIf(Keys.operation(operationId), Keys.OPERATION_SK, e, condition));
    }

    /** The operation as it was when a condition failed; none means it does not exist. */
    private static Operation current(String operationId, ConditionalCheckFailedException failed) {
        Map<String, AttributeValue> item = failed.item();
        if (item == null || item.isEmpty()) {
            throw new OperationNotFoundException(operationId);
        }
        return OperationItems.operation(item);
    }

    @Override
    public StepEntry appendStep(String operationId, String name, String detail) {
        Objects.requireNonNull(name, "a step has a name");
        for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
            int count = get(operationId).stepCount();
            Instant now = clock.instant();
            StepEntry step = new StepEntry(count + 1, now, name, detail);
            if (tryAppend(operationId, count, step)) {
                return step;
            }
        }
        throw new IllegalStateException("could not append to the step log of operation " + operationId + " in "
                + MAX_APPEND_ATTEMPTS + " attempts");
    }

    /** Appends {@code step} if the log still has {@code count} entries; false when another append came first. */
    private boolean tryAppend(String operationId, int count, StepEntry step) {
        Expression e = new Expression().set(OperationItems.STEP_COUNT, n(step.sequence()))
                .set(OperationItems.UPDATED_AT, instant(step.at()));
        String countCondition = e.name(OperationItems.STEP_COUNT) + " = " + e.value(n(count));
        TransactWriteItem countUpdate = TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(StateTable.key(Keys.operation(operationId), Keys.OPERATION_SK))
                .updateExpression(e.update()).conditionExpression(countCondition)
                .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())).build();
        TransactWriteItem stepPut = TransactWriteItem.builder().put(p -> p.tableName(table.name())
                .item(OperationItems.item(operationId, step)).conditionExpression(Keys.ITEM_ABSENT)).build();
        try {
            table.client().transactWriteItems(b -> b.transactItems(countUpdate, stepPut));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (lostRace(cancelled.cancellationReasons())) {
                return false;
            }
            throw cancelled;
        }
    }

    /** A cancelled append lost a race when a condition failed or another transaction touched the same items. */
    private static boolean lostRace(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
    }

    @Override
    public List<StepEntry> steps(String operationId) {
        return table.partition(Keys.operation(operationId), Keys.STEP_PREFIX).stream().map(OperationItems::step)
                .toList();
    }

    @Override
    public Page<Operation> listForCluster(String clusterName, int limit, String pageToken) {
        QueryResponse page = table.indexPage(Keys.cluster(clusterName), true, limit, pageToken);
        return new Page<>(page.items().stream().map(OperationItems::operation).toList(),
                PageTokens.encode(page.lastEvaluatedKey()));
    }
}
