package dev.ekslifecycle.api;

import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.store.ClusterLocks;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.IdempotencyStore;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.workflow.WorkflowStarter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The REST API: its routes, each answered by a resource class. {@code /openapi.json} describes exactly these. */
public final class LifecycleApi {

    private final Router router;

    public LifecycleApi(ClusterStore clusters, OperationStore operations, ClusterLocks locks,
                        IdempotencyStore idempotency, WorkflowStarter workflows, String region,
                        LifecycleMetrics metrics) {
        ClustersResource clusterRoutes = new ClustersResource(clusters, operations, locks, workflows, region,
                metrics);
        OperationsResource operationRoutes = new OperationsResource(operations, clusters);
        IdempotentRequests idempotent = new IdempotentRequests(idempotency);
        String openApi = openApiDocument();
        this.router = new Router()
                .add("POST", "/clusters", r -> idempotent.handle(r, clusterRoutes::create))
                .add("GET", "/clusters", clusterRoutes::list)
                .add("GET", "/clusters/{name}", clusterRoutes::get)
                .add("DELETE", "/clusters/{name}", r -> idempotent.handle(r, clusterRoutes::delete))
                .add("GET", "/clusters/{name}/operations", operationRoutes::listForCluster)
                .add("GET", "/operations/{id}", operationRoutes::get)
                .add("GET", "/openapi.json", r -> ApiResponse.json(200, openApi));
    }

    public ApiResponse handle(ApiRequest request) {
        return router.route(request);
    }

    /** {@code METHOD /template} of every route, for checking the OpenAPI document. */
    public java.util.Set<String> operations() {
        return router.operations();
    }

    static String openApiDocument() {
        try (InputStream in = LifecycleApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the function's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
