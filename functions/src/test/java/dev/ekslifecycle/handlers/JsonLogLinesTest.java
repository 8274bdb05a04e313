package dev.ekslifecycle.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.aws.LocalStateTableResource;
import dev.ekslifecycle.store.NewOperation;
import dev.ekslifecycle.store.Operation;
import dev.ekslifecycle.store.OperationStore;
import dev.ekslifecycle.store.OperationType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

/**
 * Handlers run in process on the local DynamoDB; every line they log, as the configured console formatter writes
 * it, is one JSON object carrying the invocation's request id and the operation, execution and cluster it names.
 */
@QuarkusTest
@WithTestResource(LocalStateTableResource.class)
class JsonLogLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OperationStepsHandler operationSteps;
    @Inject
    ApiHandler api;
    @Inject
    OperationStore operations;

    @Test
    void aFailingStepsLinesCarryItsOperationExecutionClusterAndRequest() throws Exception {
        Operation op = operations.create(new NewOperation("orders", OperationType.CREATE_CLUSTER, "me", "{}"));
        String executionArn = "arn:aws:states:us-east-1:000000000000:execution:create-cluster:" + op.id();
        Map<String, Object> event = Map.of("action", "AcquireLock", "operationId", op.id(),
                "clusterName", "orders", "executionArn", executionArn);

        List<JsonNode> lines;
        try (CapturedLogLines captured = new CapturedLogLines()) {
            // The lock is taken on the local DynamoDB; announcing the start fails: there is no event bus here.
            assertThrows(RuntimeException.class,
                    () -> operationSteps.handleRequest(event, new LambdaContext("request-1")));
            lines = parsed(captured.lines());
        }

        assertFalse(lines.isEmpty(), "the failed step was logged");
        for (JsonNode line : lines) {
            assertEquals("request-1", line.at("/mdc/requestId").asText(), line.toString());
            assertEquals(op.id(), line.at("/mdc/operationId").asText(), line.toString());
            assertEquals(executionArn, line.at("/mdc/executionArn").asText(), line.toString());
            assertEquals("orders", line.at("/mdc/clusterName").asText(), line.toString());
            assertTrue(line.hasNonNull("timestamp") && line.hasNonNull("level"), line.toString());
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("level").asText().equals("WARN")
                && l.path("message").asText().startsWith("step AcquireLock failed")), lines.toString());
        assertTrue(MDC.getMap().isEmpty(), "nothing is left for the next invocation: " + MDC.getMap());
    }

    @Test
    void anApiRequestForAnOperationCarriesItAndBothRequestIds() throws Exception {
        Operation op = operations.create(new NewOperation("billing", OperationType.DELETE_CLUSTER, "me", "{}"));
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("GET").withPath("/operations/" + op.id())
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("api-7"));

        List<JsonNode> lines;
        try (CapturedLogLines captured = new CapturedLogLines()) {
            assertEquals(200, api.handleRequest(event, new LambdaContext("request-2")).getStatusCode());
            lines = parsed(captured.lines());
        }

        assertFalse(lines.isEmpty(), "the request was logged");
        for (JsonNode line : lines) {
            assertEquals("request-2", line.at("/mdc/requestId").asText(), line.toString());
            assertEquals("api-7", line.at("/mdc/apiRequestId").asText(), line.toString());
            assertEquals(op.id(), line.at("/mdc/operationId").asText(), line.toString());
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText()
                .matches("GET /operations/" + op.id() + " answered 200 in \\d+ ms")), lines.toString());
        assertTrue(MDC.getMap().isEmpty(), "nothing is left for the next invocation: " + MDC.getMap());
    }

    /** Each line must be exactly one JSON object: Lambda keeps such a line as it is. */
    private static List<JsonNode> parsed(List<String> lines) throws Exception {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            assertFalse(trimmed.contains("\n"), "one line per record: " + line);
            JsonNode node = JSON.readTree(trimmed);
            assertTrue(node.isObject(), line);
            parsed.add(node);
        }
        return parsed;
    }
}
