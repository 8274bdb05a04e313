package dev.ekslifecycle.local.stepfunctions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskTokensAndTimeoutsTest {

    private static final String WAIT_FOR_TOKEN = """
            {"StartAt":"Ask","States":{"Ask":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"approver","Payload":{"token.$":"$$.Task.Token"}},
              %s "End":true}}}""";

    private final List<String> tokens = new CopyOnWriteArrayList<>();

    private Workflows workflows() {
        return new Workflows((name, payload) -> {
            tokens.add(payload.get("token").asText());
            return LambdaResponse.success(Json.object());
        });
    }

    @Test
    void sendTaskSuccessCompletesTheWaitingTask() {
        try (Workflows wf = workflows()) {
            Execution e = wf.run(WAIT_FOR_TOKEN.formatted(""), "{}");
            assertEquals(ExecutionStatus.RUNNING, e.status(), "waits for its token");
            assertEquals(1, tokens.size());
            wf.service.sendTaskSuccess(Json.object().put("taskToken", tokens.get(0)).put("output", "{\"ok\":1}"));
            wf.awaitQuiet();
            assertEquals(ExecutionStatus.SUCCEEDED, e.status());
            assertEquals(Json.parse("{\"ok\":1}"), e.output());
            assertTrue(Workflows.eventTypes(e).contains("TaskSubmitted"));
            StepFunctionsException again = assertThrows(StepFunctionsException.class, () -> wf.service
                    .sendTaskSuccess(Json.object().put("taskToken", tokens.get(0)).put("output", "{}")));
            assertEquals("TaskTimedOut", again.errorCode());
        }
    }

    @Test
    void sendTaskFailureFailsItWithTheGivenError() {
        try (Workflows wf = workflows()) {
            Execution e = wf.run(WAIT_FOR_TOKEN.formatted(""), "{}");
            wf.service.sendTaskFailure(Json.object().put("taskToken", tokens.get(0)).put("error", "Rejected")
                    .put("cause", "no"));
            wf.awaitQuiet();
            assertEquals(ExecutionStatus.FAILED, e.status());
            assertEquals("Rejected", e.error());
        }
    }

    @Test
    void heartbeatsKeepATaskAliveUntilOneIsMissed() {
        try (Workflows wf = workflows()) {
            wf.clock.setAutoAdvance(false);
            Execution e = wf.service.startExecution(wf.create(WAIT_FOR_TOKEN.formatted("\"HeartbeatSeconds\":60,")),
                    null, "{}");
            wf.awaitNotBusy();
            for (int i = 0; i < 3; i++) {
                wf.clock.advance(Duration.ofSeconds(50));
                assertEquals(ExecutionStatus.RUNNING, e.status());
                wf.service.sendTaskHeartbeat(Json.object().put("taskToken", tokens.get(0)));
                wf.awaitNotBusy();
            }
            wf.clock.advance(Duration.ofSeconds(61));
            assertEquals(ExecutionStatus.FAILED, e.status());
            assertEquals("States.HeartbeatTimeout", e.error());
            assertEquals(Duration.ofSeconds(210), Duration.between(e.startDate(), e.stopDate()), "last beat + 60 s");
        }
    }

    @Test
    void timeoutSecondsFailsTheTaskWithStatesTimeoutWhichRetryCanMatch() {
        try (Workflows wf = workflows()) {
            Execution e = wf.run(WAIT_FOR_TOKEN.formatted("""
                    "TimeoutSeconds":300,
                    "Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":1,"IntervalSeconds":10}],"""), "{}");
            assertEquals(ExecutionStatus.FAILED, e.status());
            assertEquals("States.Timeout", e.error());
            assertEquals(2, tokens.size(), "retried once with a new token");
            assertEquals(Duration.ofSeconds(610), Duration.between(e.startDate(), e.stopDate()));
        }
    }

    @Test
    void executionTimeoutEndsTheExecutionAsTimedOut() {
        try (Workflows wf = new Workflows()) {
            Execution e = wf.run("""
                    {"TimeoutSeconds":30,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""",
                    "{}");
            assertEquals(ExecutionStatus.TIMED_OUT, e.status());
            assertEquals(Duration.ofSeconds(30), Duration.between(e.startDate(), e.stopDate()));
            assertEquals("ExecutionTimedOut", Workflows.eventTypes(e).get(Workflows.eventTypes(e).size() - 1));
        }
    }

    @Test
    void mapRespectsMaxConcurrencyAndToleratesFailuresUpToTheThreshold() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (Workflows wf = new Workflows((name, payload) -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                return payload.asInt() % 4 == 0 ? LambdaResponse.functionError("Bad", "item " + payload)
                        : LambdaResponse.success(payload);
            } finally {
                running.decrementAndGet();
            }
        })) {
            String definition = """
                    {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":3,"ToleratedFailureCount":%d,
                      "ItemProcessor":{"StartAt":"W","States":{
                        "W":{"Type":"Wait","Seconds":5,"Next":"F"},
                        "F":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:f","End":true}}},
                      "End":true}}}""";
            Execution tolerated = wf.run(definition.formatted(2), "[1,2,3,4,5,6,7,8,9]");
            assertEquals(ExecutionStatus.SUCCEEDED, tolerated.status());
            JsonNode out = tolerated.output();
            assertEquals("Bad", out.get(3).get("Error").asText());
            assertEquals(9, out.get(8).asInt());
            assertTrue(peak.get() <= 3, "never more than MaxConcurrency at once: " + peak.get());
            // 9 items, 3 at a time, 5 s each
            assertEquals(Duration.ofSeconds(15), Duration.between(tolerated.startDate(), tolerated.stopDate()));

            Execution exceeded = wf.run(definition.formatted(1), "[1,2,3,4,5,6,7,8,9]");
            assertEquals(ExecutionStatus.FAILED, exceeded.status());
            assertEquals("States.ExceedToleratedFailureThreshold", exceeded.error());
        }
    }
}
