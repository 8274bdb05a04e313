package dev.ekslifecycle.workflow;

import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.events.LifecycleEvent;
import dev.ekslifecycle.events.LifecycleEventPublisher;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.LockNotHeldException;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationStatus;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.OperationType;
import dev.ekslifecycle.eks.EksGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bookkeeping steps every lifecycle workflow shares: take the cluster lock and mark the operation RUNNING,
 * record success or failure with the observed state, publish the lifecycle event and release the lock. Repeating a
 * step (a retried Lambda) leaves the same records. The operation's final status is written last, so whoever sees
 * it final also sees the cluster's state, the event and the free lock.
 */
public final class OperationLifecycle {

    /** Long enough for the slowest workflow between two lock renewals; a dead owner blocks no longer than this. */
    static final Duration LEASE = Duration.ofHours(3);

    private final OperationStore operations;
    private final ClusterLocks locks;
    private final LifecycleEventPublisher events;
    private final AuditTrail audit;
    private final ObservedStateRecorder observed;
    private final Clock clock;
    private final LifecycleMetrics metrics;

    public OperationLifecycle(ClusterStore clusters, OperationStore operations, ClusterLocks locks, EksGateway eks,
                              LifecycleEventPublisher events, Clock clock, LifecycleMetrics metrics) {
        this.operations = operations;
        this.locks = locks;
        this.events = events;
        this.audit = new AuditTrail(operations);
        this.observed = new ObservedStateRecorder(clusters, eks);
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Takes (or, when the API already took it for this execution, extends) the cluster lock, marks the operation
     * RUNNING and announces the start.
     *
     * @throws dev.ekslifecycle.store.LockHeldException when another operation holds the cluster
     */
    public void acquireLock(StepInput input) {
        locks.acquire(input.clusterName(), input.executionArn(), input.operationId(), LEASE);
        Operation op = operations.markRunning(input.operationId(), input.executionArn());
        audit.record(input, "AcquireLock", "lock held by " + input.executionArn());
        events.publish(event(op.type() == OperationType.DELETE_CLUSTER ? LifecycleEvent.DELETE_STARTED
                : LifecycleEvent.CREATE_STARTED, input, Map.of("requester", op.requester())));
    }

    /** Records the cluster ACTIVE with what EKS reports, the operation SUCCEEDED, announces it and unlocks. */
    public Map<String, Object> completeCreate(StepInput input) {
        ClusterRecord record = observed.recordFromEks(input.clusterName());
        audit.record(input, "RecordActive", "cluster " + record.observed().status() + " at "
                + record.observed().version());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kubernetesVersion", String.valueOf(record.observed().version()));
        facts.put("endpoint", String.valueOf(record.observed().endpoint()));
        facts.put("nodegroups", record.observed().nodegroups().stream().map(n -> n.name()).toList());
        events.publish(event(LifecycleEvent.CLUSTER_ACTIVE, input, facts));
        release(input);
        operations.finish(input.operationId(), OperationStatus.SUCCEEDED, null);
        metrics.operationFinished(OperationType.CREATE_CLUSTER, true);
        Map<String, Object> out = new LinkedHashMap<>(facts);
        out.put("clusterName", input.clusterName());
        out.put("status", record.observed().status().name());
        return out;
    }

    /** Records the cluster DELETED (its record and history stay), the operation SUCCEEDED, and unlocks. */
    public Map<String, Object> completeDelete(StepInput input) {
        observed.recordStatus(input.clusterName(), ClusterStatus.DELETED);
        audit.record(input, "RecordDeleted", "cluster deleted");
        events.publish(event(LifecycleEvent.CLUSTER_DELETED, input, Map.of()));
        release(input);
        operations.finish(input.operationId(), OperationStatus.SUCCEEDED, null);
        metrics.operationFinished(OperationType.DELETE_CLUSTER, true);
        return Map.of("clusterName", input.clusterName(), "status", ClusterStatus.DELETED.name());
    }

    /**
     * Records the failure with the failed step's error and cause, announces it and, when the workflow held the lock,
     * releases it. A create that failed leaves the cluster FAILED; a failed delete leaves it as EKS reports it.
     */
    public void recordFailure(StepInput input) {
        String error = input.errorName() + ": " + input.errorCause();
        audit.record(input, "Failed", error);
        OperationType type = operations.get(input.operationId()).type();
        boolean create = type == OperationType.CREATE_CLUSTER;
        if (input.releaseLock() && create) {
            observed.recordStatus(input.clusterName(), ClusterStatus.FAILED);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("error", String.valueOf(input.errorName()));
        facts.put("cause", String.valueOf(input.errorCause()));
        events.publish(event(create ? LifecycleEvent.CREATE_FAILED : LifecycleEvent.DELETE_FAILED, input, facts));
        if (input.releaseLock()) {
            release(input);
        }
        operations.finish(input.operationId(), OperationStatus.FAILED, error);
        metrics.operationFinished(type, false);
    }

    private void release(StepInput input) {
        try {
            locks.release(input.clusterName(), input.executionArn());
        } catch (LockNotHeldException e) {
            // Our lease ran out and somebody else took the cluster over: theirs now, nothing of ours to release.
            audit.record(input, "LockLost", e.getMessage());
        }
    }

    private LifecycleEvent event(String detailType, StepInput input, Map<String, Object> facts) {
        return new LifecycleEvent(detailType, input.clusterName(), input.operationId(), clock.instant(), facts);
    }
}
