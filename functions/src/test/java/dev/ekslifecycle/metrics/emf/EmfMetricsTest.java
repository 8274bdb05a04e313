package dev.ekslifecycle.metrics.emf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.store.OperationType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every figure becomes one EMF line that the specification accepts, in namespace EksLifecycle by Stage. */
class EmfMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics("prod", Clock.fixed(NOW, ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8), () -> Map.of("operationId", "op-1"));

    @Test
    void eachFigureIsOneValidLineWithItsDimension() throws Exception {
        metrics.operationStarted(OperationType.CREATE_CLUSTER);
        metrics.operationFinished(OperationType.DELETE_CLUSTER, false);
        metrics.stepFinished("EnsureCluster", true, Duration.ofMillis(1234));
        metrics.dependencyFailed("DynamoDb", true);
        metrics.dependencyFailed("Eks", false);
        metrics.apiAnswered(404);
        metrics.apiAnswered(503);

        List<JsonNode> lines = lines();
        assertEquals(7, lines.size());
        assertMetric(lines.get(0), "OperationType", "CREATE_CLUSTER", "OperationsStarted", "Count", 1);
        assertMetric(lines.get(1), "OperationType", "DELETE_CLUSTER", "OperationsFailed", "Count", 1);
        assertMetric(lines.get(2), "Step", "EnsureCluster", "StepDuration", "Milliseconds", 1234);
        assertMetric(lines.get(2), "Step", "EnsureCluster", "StepsSucceeded", "Count", 1);
        assertMetric(lines.get(3), "Service", "DynamoDb", "DependencyThrottles", "Count", 1);
        assertMetric(lines.get(4), "Service", "Eks", "DependencyErrors", "Count", 1);
        assertMetric(lines.get(5), "StatusClass", "4xx", "Api4xx", "Count", 1);
        assertMetric(lines.get(6), "StatusClass", "5xx", "Api5xx", "Count", 1);
        for (JsonNode line : lines) {
            assertEquals(NOW.toEpochMilli(), line.at("/_aws/Timestamp").asLong());
            assertEquals("op-1", line.path("operationId").asText(), "the log context rides along");
        }
    }

    @Test
    void successfulAnswersAreNotCounted() throws Exception {
        metrics.apiAnswered(200);
        metrics.apiAnswered(202);
        assertTrue(lines().isEmpty());
    }

    private static void assertMetric(JsonNode line, String dimension, String value, String metric, String unit,
                                     long number) {
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals(EmfMetrics.NAMESPACE, directive.path("Namespace").asText());
        assertEquals("[[\"Stage\",\"" + dimension + "\"]]", directive.path("Dimensions").toString());
        assertTrue(directive.path("Metrics").toString().contains("{\"Name\":\"" + metric + "\",\"Unit\":\"" + unit
                + "\"}"), directive.toString());
        assertEquals("prod", line.path("Stage").asText());
        assertEquals(value, line.path(dimension).asText());
        assertEquals(number, line.path(metric).asLong());
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(EmfSpecification.valid(line));
        }
        return lines;
    }
}
