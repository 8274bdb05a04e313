package dev.ekslifecycle.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ekslifecycle.store.ClusterStore;
import dev.ekslifecycle.store.InvalidPageTokenException;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationNotFoundException;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.Page;
import java.util.Optional;

/** {@code /operations/{id}} with its step log, and a cluster's operations newest first. */
final class OperationsResource {

    private final OperationStore operations;
    private final ClusterStore clusters;

    OperationsResource(OperationStore operations, ClusterStore clusters) {
        this.operations = operations;
        this.clusters = clusters;
    }

    ApiResponse get(ApiRequest request) {
        String id = request.pathParameter("id");
        try {
            Operation op = operations.get(id);
            return ApiResponse.json(200, ApiViews.operation(op, operations.steps(id)).toString());
        } catch (OperationNotFoundException e) {
            return Problems.of(404, "Not Found", "no operation " + id);
        }
    }

    ApiResponse listForCluster(ApiRequest request) {
        String name = request.pathParameter("name");
        if (clusters.find(name).isEmpty()) {
            return Problems.of(404, "Not Found", "no cluster named " + name);
        }
        Optional<Integer> limit = Paging.limit(request);
        if (limit.isEmpty()) {
            return Paging.badLimit();
        }
        Page<Operation> page;
        try {
            page = operations.listForCluster(name, limit.get(), request.query("nextToken").orElse(null));
        } catch (InvalidPageTokenException e) {
            return Paging.badToken();
        }
        ObjectNode body = ApiViews.JSON.createObjectNode();
        ArrayNode items = body.putArray("operations");
        page.items().forEach(op -> items.add(ApiViews.operationSummary(op)));
        body.put("nextToken", page.nextToken());
        return ApiResponse.json(200, body.toString());
    }
}
