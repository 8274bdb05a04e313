package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State machines and executions survive a restart; a running execution goes on from where it waited. */
class PersistenceTest {

    private static final String DEFINITION = """
            {"StartAt":"First","States":{
              "First":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Sleep"},
              "Sleep":{"Type":"Wait","Seconds":3600,"Next":"Last"},
              "Last":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 10)"},"End":true}}}""";

    @TempDir
    Path data;

    @Test
    void aRunningExecutionResumesAfterARestartAndFinishedOnesKeepTheirHistory() throws Exception {
        Instant t0 = Instant.parse("2026-07-01T00:00:00Z");
        VirtualClock before = VirtualClock.manual(t0);
        StepFunctionsService first = StepFunctionsService.builder(before).dataDirectory(data).build();
        String arn = first.createStateMachine(Json.object().put("name", "durable").put("definition", DEFINITION)
                .put("roleArn", "arn:aws:iam::000000000000:role/r")).get("stateMachineArn").asText();
        String done = first.startExecution(Json.object().put("stateMachineArn", arn).put("name", "done")
                .put("input", "{\"n\":0}")).get("executionArn").asText();
        Workflows.awaitNotBusy(before);
        before.advance(Duration.ofHours(2));
        String running = first.startExecution(Json.object().put("stateMachineArn", arn).put("name", "running")
                .put("input", "{\"n\":100}")).get("executionArn").asText();
        Workflows.awaitNotBusy(before);
        before.advance(Duration.ofMinutes(10));
        JsonNode historyBefore = first.getExecutionHistory(Json.object().put("executionArn", done));
        assertEquals("SUCCEEDED", first.describeExecution(Json.object().put("executionArn", done))
                .get("status").asText());
        assertEquals("RUNNING", first.describeExecution(Json.object().put("executionArn", running))
                .get("status").asText());
        before.shutdown();

        VirtualClock after = SimulationClock.virtual(t0.plus(Duration.ofDays(1)));
        try {
            StepFunctionsService second = StepFunctionsService.builder(after).dataDirectory(data).build();
            assertEquals(arn, second.listStateMachines(Json.object()).at("/stateMachines/0/stateMachineArn").asText());
            assertEquals(historyBefore, second.getExecutionHistory(Json.object().put("executionArn", done)));
            after.awaitQuiescence(Duration.ofSeconds(10));
            JsonNode resumed = second.describeExecution(Json.object().put("executionArn", running));
            assertEquals(ExecutionStatus.SUCCEEDED.name(), resumed.get("status").asText());
            assertEquals("{\"n\":111}", resumed.get("output").asText());
            assertEquals(2, second.listExecutions(Json.object().put("stateMachineArn", arn)).get("executions").size());
        } finally {
            after.shutdown();
        }
    }
}
