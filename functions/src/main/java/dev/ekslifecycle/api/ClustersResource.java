package dev.ekslifecycle.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.store.ClusterAlreadyExistsException;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterRecord;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.InvalidPageTokenException;
import dev.ekslifecycle.store.Lease;
import dev.ekslifecycle.store.LockHeldException;
import dev.ekslifecycle.store.NewOperation;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationStatus;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.OperationType;
import dev.ekslifecycle.store.Page;
import dev.ekslifecycle.store.StaleVersionException;
import dev.ekslifecycle.workflow.WorkflowStarter;
import dev.ekslifecycle.workflow.WorkflowStarter.Workflow;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /clusters}: ask for a cluster, list and show clusters, delete one. Starting an operation records it,
 * takes the cluster lock in the name of the execution about to start, then starts the workflow; a cluster held by
 * another operation is refused with 409 naming it.
 */
final class ClustersResource {

    /** The lock lease the API takes; the workflow's first step renews it. */
    private static final Duration LEASE = Duration.ofHours(3);

    private final ClusterStore clusters;
    private final OperationStore operations;
    private final ClusterLocks locks;
    private final WorkflowStarter workflows;
    private final SpecRequestParser parser;
    private final LifecycleMetrics metrics;

    ClustersResource(ClusterStore clusters, OperationStore operations, ClusterLocks locks, WorkflowStarter workflows,
                     String region, LifecycleMetrics metrics) {
        this.clusters = clusters;
        this.operations = operations;
        this.locks = locks;
        this.workflows = workflows;
        this.parser = new SpecRequestParser(region);
        this.metrics = metrics;
    }

    ApiResponse create(ApiRequest request) {
        SpecRequestParser.Parsed parsed = parser.parse(request);
        if (parsed.error() != null) {
            return parsed.error();
        }
        ClusterSpec spec = parsed.spec();
        Optional<Lease> busy = locks.current(spec.name());
        if (busy.isPresent()) {
            return locked(spec.name(), busy.get());
        }
        try {
            clusters.create(spec);
        } catch (ClusterAlreadyExistsException e) {
            if (!retryOfFailedCreate(spec)) {
                return Problems.conflict("cluster " + spec.name() + " already exists",
                        locks.current(spec.name()).map(Lease::operationId).orElse(null));
            }
        }
        return start(Workflow.CREATE_CLUSTER, spec.name(), OperationType.CREATE_CLUSTER, request.requester(),
                ClusterSpecJson.write(spec), false);
    }

    /**
     * Asking again for a cluster whose create failed, or never started (PENDING while nobody holds the cluster),
     * retries it: the desired spec is replaced and a new create operation adopts what an earlier attempt left in EKS
     * (only what carries our tag). Returns false for any other existing cluster. The caller checked the lock.
     */
    private boolean retryOfFailedCreate(ClusterSpec spec) {
        Optional<ClusterRecord> existing = clusters.find(spec.name());
        ClusterStatus status = existing.map(r -> r.observed().status()).orElse(null);
        if (status != ClusterStatus.FAILED && status != ClusterStatus.PENDING) {
            return false;
        }
        try {
            clusters.updateDesired(spec.name(), existing.get().version(), spec);
            return true;
        } catch (StaleVersionException e) {
            return false;
        }
    }

    ApiResponse delete(ApiRequest request) {
        String name = request.pathParameter("name");
        Optional<ClusterRecord> record = clusters.find(name);
        if (record.isEmpty()) {
            return Problems.of(404, "Not Found", "no cluster named " + name);
        }
        if (record.get().observed().status() == ClusterStatus.DELETED) {
            return Problems.conflict("cluster " + name + " is already deleted", null);
        }
        String disable = request.query("disableDeletionProtection").orElse("false");
        if (!disable.equals("true") && !disable.equals("false")) {
            return Problems.of(400, "Invalid Request", "disableDeletionProtection must be true or false");
        }
        boolean lift = disable.equals("true");
        if (record.get().desired().deletionProtection() && !lift) {
            return Problems.conflict("cluster " + name + " has deletionProtection on; repeat the request with"
                    + " disableDeletionProtection=true to lift it and delete the cluster", null);
        }
        Optional<Lease> busy = locks.current(name);
        if (busy.isPresent()) {
            return locked(name, busy.get());
        }
        String input = ApiViews.JSON.createObjectNode().put("disableDeletionProtection", lift).toString();
        return start(Workflow.DELETE_CLUSTER, name, OperationType.DELETE_CLUSTER, request.requester(), input, lift);
    }

    ApiResponse get(ApiRequest request) {
        String name = request.pathParameter("name");
        return clusters.find(name)
                .map(r -> ApiResponse.json(200, ApiViews.cluster(r, locks.current(name)).toString()))
                .orElseGet(() -> Problems.of(404, "Not Found", "no cluster named " + name));
    }

    ApiResponse list(ApiRequest request) {
        Optional<Integer> limit = Paging.limit(request);
        if (limit.isEmpty()) {
            return Paging.badLimit();
        }
        Optional<String> tag = request.query("tag");
        if (tag.isPresent() && !tag.get().contains("=")) {
            return Problems.of(400, "Invalid Request", "tag must be KEY=VALUE");
        }
        Page<ClusterRecord> page;
        try {
            page = clusters.list(limit.get(), request.query("nextToken").orElse(null));
        } catch (InvalidPageTokenException e) {
            return Paging.badToken();
        }
        ObjectNode body = ApiViews.JSON.createObjectNode();
        ArrayNode items = body.putArray("clusters");
        page.items().stream()
                .filter(r -> request.query("status").map(s -> s.equals(r.observed().status().name())).orElse(true))
                .filter(r -> request.query("version").map(v -> v.equals(r.desired().version().toString()))
                        .orElse(true))
                .filter(r -> tag.map(t -> hasTag(r, t)).orElse(true))
                .forEach(r -> items.add(ApiViews.clusterSummary(r)));
        body.put("nextToken", page.nextToken());
        return ApiResponse.json(200, body.toString());
    }

    private ApiResponse start(Workflow workflow, String cluster, OperationType type, String requester, String input,
                              boolean liftProtection) {
        Operation op = operations.create(new NewOperation(cluster, type, requester, input));
        String executionArn = workflows.executionArn(workflow, op.id());
        try {
            locks.acquire(cluster, executionArn, op.id(), LEASE);
        } catch (LockHeldException e) {
            operations.finish(op.id(), OperationStatus.CANCELLED, "another operation holds the cluster: "
                    + e.getMessage());
            return locked(cluster, locks.current(cluster).orElse(null));
        }
        ObjectNode executionInput = ApiViews.JSON.createObjectNode().put("operationId", op.id())
                .put("clusterName", cluster);
        if (type == OperationType.DELETE_CLUSTER) {
            executionInput.put("disableDeletionProtection", liftProtection);
        }
        try {
            workflows.start(workflow, op.id(), executionInput.toString());
        } catch (RuntimeException e) {
            // Nothing runs for this operation: give the cluster back and close the operation, so a retry can start.
            locks.release(cluster, executionArn);
            operations.finish(op.id(), OperationStatus.CANCELLED, "the workflow could not be started: "
                    + e.getMessage());
            throw e;
        }
        metrics.operationStarted(type);
        return ApiResponse.json(202, ApiViews.accepted(op).toString())
                .withHeader("Location", "/operations/" + op.id());
    }

    private static ApiResponse locked(String cluster, Lease lease) {
        String operationId = lease == null ? null : lease.operationId();
        return Problems.conflict("cluster " + cluster + " is busy with operation " + operationId
                + "; try again when it has finished", operationId);
    }

    private static boolean hasTag(ClusterRecord record, String tag) {
        String[] kv = tag.split("=", 2);
        return kv[1].equals(record.desired().tags().get(kv[0]));
    }
}
