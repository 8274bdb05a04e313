package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.store.AuditEntry;
import dev.ekslifecycle.store.ClusterAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ClusterAuditLog} as items {@code AUDIT#<id>} in the cluster's partition. The entry id is the sort key and
 * the write is conditioned on the item being absent, so of two deliveries of one signal exactly one writes.
 */
final class DynamoDbClusterAuditLog implements ClusterAuditLog {

    static final String AT = "at";
    static final String KIND = "kind";
    static final String DETAIL = "detail";
    /** Findings and signals are evidence for a while, not history: TTL removes them after this. */
    static final Duration KEPT_FOR = Duration.ofDays(90);

    private final StateTable table;
    private final Clock clock;

    DynamoDbClusterAuditLog(StateTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean append(String clusterName, AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(StateTable.key(Keys.cluster(clusterName),
                Keys.audit(entry.id())));
        item.put(AT, Attributes.instant(entry.at()));
        item.put(KIND, s(entry.kind()));
        if (entry.detail() != null) {
            item.put(DETAIL, s(entry.detail()));
        }
        item.put(Keys.EXPIRES_AT, Attributes.ttl(clock.instant().plus(KEPT_FOR)));
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression(Keys.ITEM_ABSENT));
            return true;
        } catch (ConditionalCheckFailedException repeat) {
            return false;
        }
    }

    @Override
    public List<AuditEntry> entries(String clusterName) {
        return table.partition(Keys.cluster(clusterName), Keys.AUDIT_PREFIX).stream()
                .map(item -> new AuditEntry(Attributes.string(item, Keys.SK).substring(Keys.AUDIT_PREFIX.length()),
                        Attributes.instant(item, AT), Attributes.string(item, KIND),
                        Attributes.string(item, DETAIL)))
                .toList();
    }
}
