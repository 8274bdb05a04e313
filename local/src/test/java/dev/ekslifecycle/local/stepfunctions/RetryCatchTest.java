package dev.ekslifecycle.local.stepfunctions;

import static dev.ekslifecycle.local.stepfunctions.Workflows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.stepfunctions.json.Json;
import dev.ekslifecycle.local.stepfunctions.runtime.Execution;
import dev.ekslifecycle.local.stepfunctions.runtime.ExecutionStatus;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaResponse;
import dev.ekslifecycle.local.stepfunctions.tasks.LambdaServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryCatchTest {

    private static final String FLAKY = "arn:aws:lambda:us-east-1:000000000000:function:flaky";

    /** A function that fails with {@code errorType} on its first {@code failures} calls, noting each call's time. */
    private static final class Flaky {
        final AtomicInteger calls = new AtomicInteger();
        final List<Instant> times = new CopyOnWriteArrayList<>();
        Workflows wf;

        Workflows start(int failures, String errorType) {
            return start(failures, errorType, 1);
        }

        Workflows start(int failures, String errorType, long seed) {
            wf = new Workflows((name, payload) -> {
                times.add(wf.clock.instant());
                if (calls.incrementAndGet() <= failures) {
                    if (errorType.startsWith("Lambda.")) {
                        throw new LambdaServiceException(errorType.substring(7), "throttled");
                    }
                    return LambdaResponse.functionError(errorType, "attempt " + calls.get());
                }
                return LambdaResponse.success(Json.object().put("ok", calls.get()));
            }, seed);
            return wf;
        }
    }

    @Test
    void retriesWithExponentialBackoffCappedByMaxDelay() {
        Flaky f = new Flaky();
        try (Workflows wf = f.start(4, "Custom.Transient")) {
            Execution e = wf.run("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true,
                      "Retry":[{"ErrorEquals":["Custom.Transient"],"IntervalSeconds":2,"BackoffRate":3,
                                "MaxAttempts":5,"MaxDelaySeconds":10}]}}}""".formatted(FLAKY), "{}");
            assertEquals(ExecutionStatus.SUCCEEDED, e.status());
            assertEquals(json("{\"ok\":5}"), e.output());
            List<Long> gaps = gaps(f.times);
            assertEquals(List.of(2L, 6L, 10L, 10L), gaps);
        }
    }

    @Test
    void fullJitterDelaysReplayWithTheSameSeedAndDifferWithAnother() {
        List<Duration> first = jitteredGaps(7);
        assertEquals(4, first.size());
        for (Duration gap : first) {
            assertTrue(gap.compareTo(Duration.ofSeconds(100)) < 0, "a full-jitter delay is below the interval: " + gap);
        }
        assertEquals(first, jitteredGaps(7));
        assertNotEquals(first, jitteredGaps(8));
    }

    /** The delays between the calls of a task failing four times, retried with full jitter, in a new service. */
    private static List<Duration> jitteredGaps(long seed) {
        Flaky f = new Flaky();
        try (Workflows wf = f.start(4, "Custom.Transient", seed)) {
            String arn = wf.service.createStateMachine(Json.object().put("name", "jitter").put("definition", """
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true,
                      "Retry":[{"ErrorEquals":["Custom.Transient"],"IntervalSeconds":100,"BackoffRate":1,
                                "MaxAttempts":5,"JitterStrategy":"FULL"}]}}}""".formatted(FLAKY))
                    .put("roleArn", "arn:aws:iam::000000000000:role/r")).get("stateMachineArn").asText();
            Execution e = wf.service.startExecution(arn, "same-name", "{}");
            wf.awaitQuiet();
            assertEquals(ExecutionStatus.SUCCEEDED, e.status());
            return durations(f.times);
        }
    }

    @Test
    void theFirstMatchingRetrierDecidesEvenWhenExhausted() {
        Flaky f = new Flaky();
        try (Workflows wf = f.start(10, "Custom.Broken")) {
            Execution e = wf.run("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true,
                      "Retry":[{"ErrorEquals":["Custom.Broken"],"MaxAttempts":1,"IntervalSeconds":1},
                               {"ErrorEquals":["States.ALL"],"MaxAttempts":5}]}}}""".formatted(FLAKY), "{}");
            assertEquals(ExecutionStatus.FAILED, e.status());
            assertEquals("Custom.Broken", e.error());
            assertEquals(2, f.calls.get());
        }
    }

    @Test
    void catchPlacesTheErrorOutputAtResultPathAndMovesOn() {
        Flaky f = new Flaky();
        try (Workflows wf = f.start(10, "Lambda.TooManyRequestsException")) {
            Execution e = wf.run("""
                    {"StartAt":"T","States":{
                      "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                           "Parameters":{"FunctionName":"flaky","Payload.$":"$"},"Next":"Never",
                           "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"MaxAttempts":2}],
                           "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Never"},
                                    {"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.error","Next":"Handled"}]},
                      "Never":{"Type":"Fail"},
                      "Handled":{"Type":"Pass","End":true}}}""", "{\"id\":7}");
            assertEquals(ExecutionStatus.SUCCEEDED, e.status());
            assertEquals(7, e.output().get("id").asInt());
            assertEquals("Lambda.TooManyRequestsException", e.output().get("error").get("Error").asText());
            assertEquals(3, f.calls.get());
        }
    }

    @Test
    void functionErrorTypeIsTheErrorNameAndTheCauseCarriesTheMessage() {
        Flaky f = new Flaky();
        try (Workflows wf = f.start(10, "ValidationError")) {
            Execution e = wf.run("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true,
                      "Catch":[{"ErrorEquals":["ValidationError"],"Next":"C"}]},
                     "C":{"Type":"Pass","Parameters":{"cause.$":"States.StringToJson($.Cause)"},"End":true}}}"""
                    .formatted(FLAKY), "{}");
            assertEquals("attempt 1", e.output().get("cause").get("errorMessage").asText());
        }
    }

    @Test
    void statesRuntimeErrorsAreNeverCaught() {
        try (Workflows wf = new Workflows()) {
            Execution e = wf.run("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
                      "Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],
                      "Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","InputPath":"$.missing","End":true}}}]},
                     "C":{"Type":"Succeed"}}}""", "{}");
            assertEquals(ExecutionStatus.FAILED, e.status());
            assertEquals("States.Runtime", e.error());
        }
    }

    @Test
    void parallelBranchFailureIsCaughtOnTheParallelState() {
        try (Workflows wf = new Workflows()) {
            Execution e = wf.run("""
                    {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done",
                      "Catch":[{"ErrorEquals":["Custom.Fail"],"ResultPath":"$.caught","Next":"Done"}],
                      "Branches":[
                        {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":999,"End":true}}},
                        {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Custom.Fail","Cause":"no"}}}]},
                     "Done":{"Type":"Succeed"}}}""", "{}");
            assertEquals(ExecutionStatus.SUCCEEDED, e.status());
            assertEquals("Custom.Fail", e.output().get("caught").get("Error").asText());
            // the sibling's Wait was cancelled: the execution did not sit out its 999 seconds
            assertEquals(Workflows.START, e.stopDate());
        }
    }

    private static List<Long> gaps(List<Instant> times) {
        return durations(times).stream().map(Duration::toSeconds).toList();
    }

    private static List<Duration> durations(List<Instant> times) {
        return java.util.stream.IntStream.range(1, times.size())
                .mapToObj(i -> Duration.between(times.get(i - 1), times.get(i))).toList();
    }
}
