package dev.ekslifecycle.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fact about a cluster's lifecycle, published on the eks-lifecycle bus with source {@value #SOURCE} and one
 * detail-type per fact. The detail always names the cluster and when it happened, and the operation if there is
 * one; {@code facts} adds what is particular to the detail-type. Each detail-type has a JSON Schema in {@code events/schemas/}.
 */
public record LifecycleEvent(String detailType, String clusterName, String operationId, Instant occurredAt,
                             Map<String, Object> facts) {

    public static final String SOURCE = "eks-lifecycle";

    public static final String CREATE_STARTED = "Cluster Create Started";
    public static final String CLUSTER_ACTIVE = "Cluster Active";
    public static final String CREATE_FAILED = "Cluster Create Failed";
    public static final String DELETE_STARTED = "Cluster Delete Started";
    public static final String CLUSTER_DELETED = "Cluster Deleted";
    public static final String DELETE_FAILED = "Cluster Delete Failed";
    public static final String DRIFT_DETECTED = "Cluster Drift Detected";
    public static final String NODE_HEALTH_SIGNAL = "Node Health Signal";

    public LifecycleEvent {
        facts = Map.copyOf(facts);
    }

    /** The event's detail object; events that belong to no operation (drift, health signals) have no operationId. */
    public Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("clusterName", clusterName);
        if (operationId != null) {
            detail.put("operationId", operationId);
        }
        detail.put("occurredAt", occurredAt.toString());
        detail.putAll(facts);
        return detail;
    }
}
