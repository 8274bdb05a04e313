package dev.ekslifecycle.store.dynamodb;

import static dev.ekslifecycle.store.dynamodb.Attributes.s;

import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.KubernetesVersion;
import dev.ekslifecycle.domain.NodeGroupStatus;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.domain.ObservedNodeGroup;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.store.ClusterRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Cluster records as items: the desired spec as its JSON document, the observed state as attributes of its own
 * ({@code status} can then be used in conditions and filters).
 */
final class ClusterItems {

    static final String NAME = "clusterName";
    static final String SPEC = "spec";
    static final String STATUS = "status";
    static final String OBSERVED_VERSION = "kubernetesVersion";
    static final String ENDPOINT = "endpoint";
    static final String NODEGROUPS = "nodegroups";
    static final String RECORD_VERSION = "recordVersion";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";

    private ClusterItems() {
    }

    /** Adds the observed state to an update. */
    static Expression setObserved(Expression e, ObservedCluster observed) {
        return e.set(STATUS, s(observed.status().name()))
                .setOrRemove(OBSERVED_VERSION, observed.version() == null ? null : s(observed.version().toString()))
                .setOrRemove(ENDPOINT, observed.endpoint() == null ? null : s(observed.endpoint()))
                .set(NODEGROUPS, AttributeValue.fromL(observed.nodegroups().stream().map(ClusterItems::nodegroup)
                        .toList()));
    }

    static ClusterRecord record(Map<String, AttributeValue> item) {
        String version = Attributes.string(item, OBSERVED_VERSION);
        ObservedCluster observed = new ObservedCluster(Attributes.enumValue(item, STATUS, ClusterStatus.class),
                version == null ? null : KubernetesVersion.parse(version), Attributes.string(item, ENDPOINT),
                item.get(NODEGROUPS).l().stream().map(v -> nodegroup(v.m())).toList());
        return new ClusterRecord(Attributes.string(item, NAME), ClusterSpecJson.read(Attributes.string(item, SPEC)),
                observed, Attributes.number(item, RECORD_VERSION), Attributes.instant(item, CREATED_AT),
                Attributes.instant(item, UPDATED_AT));
    }

    private static AttributeValue nodegroup(ObservedNodeGroup ng) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("name", s(ng.name()),
                "status", s(ng.status().name()), "desiredSize", Attributes.n(ng.desiredSize())));
        if (ng.version() != null) {
            m.put("version", s(ng.version().toString()));
        }
        return AttributeValue.fromM(m);
    }

    private static ObservedNodeGroup nodegroup(Map<String, AttributeValue> m) {
        String version = Attributes.string(m, "version");
        return new ObservedNodeGroup(Attributes.string(m, "name"),
                Attributes.enumValue(m, "status", NodeGroupStatus.class),
                version == null ? null : KubernetesVersion.parse(version), (int) Attributes.number(m, "desiredSize"));
    }

    static List<ClusterRecord> records(List<Map<String, AttributeValue>> items) {
        return items.stream().map(ClusterItems::record).toList();
    }
}
