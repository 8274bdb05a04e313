package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.instant;
import static dev.ekslifecycle.store.dynamodb.Attributes.n;
import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.ClusterSpecValidator;
import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.domain.Problem;
import dev.ekslifecycle.domain.SubnetFacts;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.store.ClusterAlreadyExistsException;
import dev.ekslifecycle.store.ClusterNotFoundException;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.Page;
import dev.ekslifecycle.store.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link ClusterStore} on the state table; every write is an UpdateItem conditioned on the record's version. */
final class DynamoDbClusterStore implements ClusterStore {

    private final StateTable table;
    private final Clock clock;

    DynamoDbClusterStore(StateTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public ClusterRecord create(ClusterSpec desired) {
        Instant now = clock.instant();
        Expression e = new Expression();
        e.set(ClusterItems.NAME, s(desired.name())).set(ClusterItems.SPEC, specDocument(desired))
                .set(Keys.GSI1_PK, s(Keys.ALL_CLUSTERS)).set(Keys.GSI1_SK, s(desired.name()))
                .set(ClusterItems.CREATED_AT, instant(now)).set(ClusterItems.UPDATED_AT, instant(now))
                .setTo(ClusterItems.RECORD_VERSION, "if_not_exists(" + e.name(ClusterItems.RECORD_VERSION) + ", "
                        + e.value(n(0)) + ") + " + e.value(n(1)));
        ClusterItems.setObserved(e, ObservedCluster.PENDING);
        // A DELETED cluster's name may be used again; its version keeps counting so old writers stay stale.
        String condition = "attribute_not_exists(" + e.name(Keys.PK) + ") OR " + e.name(ClusterItems.STATUS) + " = "
                + e.value(s(ClusterStatus.DELETED.name()));
        try {
            return ClusterItems.record(table.client().updateItem(b -> b.tableName(table.name())
                    .key(StateTable.key(Keys.cluster(desired.name()), Keys.CLUSTER_SK))
                    .updateExpression(e.update()).conditionExpression(condition)
                    .expressionAttributeNames(e.names()).expressionAttributeValues(e.values())
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        } catch (ConditionalCheckFailedException failed) {
            throw new ClusterAlreadyExistsException(desired.name());
        }
    }

    @Override
    public Optional<ClusterRecord> find(String name) {
        return table.get(Keys.cluster(name), Keys.CLUSTER_SK).map(ClusterItems::record);
    }

    @Override
    public ClusterRecord get(String name) {
        return find(name).orElseThrow(() -> new ClusterNotFoundException(name));
    }

    @Override
    public ClusterRecord updateDesired(String name, long expectedVersion, ClusterSpec desired) {
        if (!name.equals(desired.name())) {
            throw new IllegalArgumentException("the spec of cluster " + name + " cannot rename it to "
                    + desired.name());
        }
        return update(name, expectedVersion, new Expression().set(ClusterItems.SPEC, specDocument(desired)));
    }

    /** The stored form of a spec; an invalid spec is refused, since it could not be read back. */
    private static AttributeValue specDocument(ClusterSpec desired) {
        List<Problem> problems = new ClusterSpecValidator(SubnetFacts.UNKNOWN).validate(desired);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("only a valid spec is stored; this one has " + problems);
        }
        return s(ClusterSpecJson.write(desired));
    }

    @Override
    public ClusterRecord updateObserved(String name, long expectedVersion, ObservedCluster observed) {
        return update(name, expectedVersion, ClusterItems.setObserved(new Expression(), observed));
    }

    /** Applies {@code e} when the record is at {@code expectedVersion}, making the next version. */
    private ClusterRecord update(String name, long expectedVersion, Expression e) {
        e.set(ClusterItems.RECORD_VERSION, n(expectedVersion + 1))
                .set(ClusterItems.UPDATED_AT, instant(clock.instant()));
        String condition = e.name(ClusterItems.RECORD_VERSION) + " = " + e.value(n(expectedVersion));
        try {
            return ClusterItems.record(table.updateIf(Keys.cluster(name), Keys.CLUSTER_SK, e, condition));
        } catch (ConditionalCheckFailedException failed) {
            Map<String, AttributeValue> current = failed.item();
            if (current == null || current.isEmpty()) {
                throw new ClusterNotFoundException(name);
            }
            throw new StaleVersionException(name, expectedVersion,
                    Attributes.number(current, ClusterItems.RECORD_VERSION));
        }
    }

    @Override
    public Page<ClusterRecord> list(int limit, String pageToken) {
        QueryResponse page = table.indexPage(Keys.ALL_CLUSTERS, false, limit, pageToken);
        return new Page<>(ClusterItems.records(page.items()), PageTokens.encode(page.lastEvaluatedKey()));
    }
}
