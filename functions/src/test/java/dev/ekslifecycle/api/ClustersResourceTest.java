package dev.ekslifecycle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.errors.DependencyUnavailableException;
import dev.ekslifecycle.metrics.LifecycleMetrics;
import dev.ekslifecycle.store.OperationStatus;
import dev.ekslifecycle.store.dynamodb.DynamoDbStateStore;
import dev.ekslifecycle.store.dynamodb.LocalStateTable;
import dev.ekslifecycle.workflow.WorkflowStarter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over the production state store on the local DynamoDB, with a workflow starter that can fail: a create
 * whose workflow cannot start leaves nothing held, and asking again starts it.
 */
class ClustersResourceTest {

    private static final String SPEC = """
            {"name": "orders", "version": "1.34", "roleArn": "arn:aws:iam::000000000000:role/eks",
             "subnetIds": ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]}""";

    private static LocalStateTable local;

    @BeforeAll
    static void start() throws Exception {
        local = new LocalStateTable();
    }

    @AfterAll
    static void stop() throws Exception {
        local.close();
    }

    /** Fails the first {@code failures} starts as Step Functions being unreachable would, then records. */
    private static final class FlakyStarter implements WorkflowStarter {
        final AtomicInteger failures;
        final List<String> started = new CopyOnWriteArrayList<>();

        FlakyStarter(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public String start(Workflow workflow, String operationId, String inputJson) {
            if (failures.getAndDecrement() > 0) {
                throw new DependencyUnavailableException("StartExecution failed: connection refused", null);
            }
            started.add(operationId);
            return executionArn(workflow, operationId);
        }

        @Override
        public String executionArn(Workflow workflow, String operationId) {
            return "arn:aws:states:us-east-1:000000000000:execution:" + workflow + ":" + operationId;
        }
    }

    @Test
    void aCreateWhoseWorkflowCannotStartHoldsNothingAndCanBeAskedAgain() throws Exception {
        DynamoDbStateStore store = local.newTable();
        FlakyStarter starter = new FlakyStarter(1);
        LifecycleApi api = new LifecycleApi(store.clusters(), store.operations(), store.locks(), store.idempotency(),
                starter, "us-east-1", LifecycleMetrics.NONE);
        ApiRequest create = new ApiRequest("POST", "/clusters", Map.of("Content-Type", "application/json"),
                Map.of(), Map.of(), SPEC, "tester");

        assertThrows(DependencyUnavailableException.class, () -> api.handle(create));
        assertTrue(store.locks().current("orders").isEmpty(), "the cluster lock was given back");
        String firstOperation = store.operations().listForCluster("orders", 10, null).items().get(0).id();
        assertEquals(OperationStatus.CANCELLED, store.operations().get(firstOperation).status());

        ApiResponse retried = api.handle(create);
        assertEquals(202, retried.status(), retried.body());
        JsonNode body = new ObjectMapper().readTree(retried.body());
        assertEquals(List.of(body.get("operationId").asText()), starter.started);
        assertEquals(body.get("operationId").asText(), store.locks().current("orders").orElseThrow().operationId());

        ApiResponse third = api.handle(create);
        assertEquals(409, third.status(), "a create under way is not started twice");
    }
}
