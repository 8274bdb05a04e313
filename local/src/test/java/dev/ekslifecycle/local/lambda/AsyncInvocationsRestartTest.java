package dev.ekslifecycle.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Asynchronous invocations across a restart of the edge on its data directory: a retry pending when the local cloud
 * stops is made at its due time after the next start, with its attempt count and its age counted from the event's
 * arrival, and an event is not run again because of the restart.
 */
class AsyncInvocationsRestartTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final String PAYLOAD = "{\"cluster\":\"prod\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final List<Instant> attempts = new CopyOnWriteArrayList<>();

    /** Starts the edge at {@code at} with the function deployed as the template would deploy it, then resumes. */
    private EdgeStart start(Instant at, boolean fails, int retries, int maxAgeSeconds) throws Exception {
        EdgeStart run = new EdgeStart(dataDir, at);
        run.edge.functions().register("reconcile", payload -> {
            attempts.add(run.clock.instant());
            if (fails) {
                throw new FunctionError("dev.ekslifecycle.errors.DependencyUnavailableException", "EKS is down");
            }
            return "{\"checked\":1}".getBytes(StandardCharsets.UTF_8);
        });
        for (String queue : List.of("failures", "successes", "dead-letters")) {
            run.sqs.createQueue(r -> r.queueName(queue));
        }
        run.lambda.putFunctionEventInvokeConfig(r -> r.functionName("reconcile").maximumRetryAttempts(retries)
                .maximumEventAgeInSeconds(maxAgeSeconds).destinationConfig(d -> d
                        .onSuccess(o -> o.destination(EdgeStart.queueArn("successes")))
                        .onFailure(o -> o.destination(EdgeStart.queueArn("failures")))));
        run.edge.functions().setDeadLetterQueue("reconcile", EdgeStart.queueArn("dead-letters"));
        run.edge.resumePendingWork();
        return run;
    }

    private static String invokeAsync(EdgeStart run) throws InterruptedException {
        String requestId = run.lambda.invoke(i -> i.functionName("reconcile").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(PAYLOAD))).sdkHttpResponse()
                .firstMatchingHeader("x-amzn-RequestId").orElseThrow();
        run.awaitIdle();
        return requestId;
    }

    @Test
    void aRetryPendingAtStopIsMadeOnTimeAfterTheRestartThenRecordedWithTheWholeCount() throws Exception {
        String requestId;
        try (EdgeStart first = start(START, true, 2, 21_600)) {
            requestId = invokeAsync(first);
            assertEquals(List.of(START), attempts, "the first attempt fails; its retry is due at +1 min");
        }

        try (EdgeStart second = start(START.plusSeconds(30), true, 2, 21_600)) {
            second.advance(Duration.ofMinutes(10));

            assertEquals(List.of(START, START.plusSeconds(60), START.plusSeconds(180)), attempts,
                    "the retries keep their times on the clock: +1 min, then 2 min after that");
            JsonNode record = JSON.readTree(single(second, "failures").body());
            assertEquals(requestId, record.path("requestContext").path("requestId").asText());
            assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
            assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt(),
                    "the attempt made before the restart counts");
            assertEquals(START.plusSeconds(180).toString(), record.path("timestamp").asText());
            assertEquals(JSON.readTree(PAYLOAD), record.path("requestPayload"));
            Message deadLetter = single(second, "dead-letters");
            assertEquals(PAYLOAD, deadLetter.body());
            assertEquals(requestId, deadLetter.messageAttributes().get("RequestID").stringValue());
            assertEquals("EKS is down", deadLetter.messageAttributes().get("ErrorMessage").stringValue());
        }

        try (EdgeStart third = start(START.plusSeconds(600), true, 2, 21_600)) {
            third.advance(Duration.ofHours(1));
            assertEquals(3, attempts.size(), "an event given up on is not resumed again");
        }
    }

    @Test
    void anEventWhoseMaximumAgePassedDuringTheDowntimeIsRecordedNotTriedAgain() throws Exception {
        try (EdgeStart first = start(START, true, 2, 90)) {
            invokeAsync(first);
        }

        try (EdgeStart second = start(START.plus(Duration.ofMinutes(10)), true, 2, 90)) {
            second.advance(Duration.ofSeconds(1));

            assertEquals(List.of(START), attempts, "the retry due at +1 min would find the event 10 min old");
            JsonNode record = JSON.readTree(single(second, "failures").body());
            assertEquals("EventAgeExceeded", record.path("requestContext").path("condition").asText());
            assertEquals(1, record.path("requestContext").path("approximateInvokeCount").asInt());
            assertEquals(START.plus(Duration.ofMinutes(10)).toString(), record.path("timestamp").asText(),
                    "given up on as soon as the local cloud is back");
            assertEquals("EKS is down", record.path("responsePayload").path("errorMessage").asText());
            assertEquals(PAYLOAD, single(second, "dead-letters").body());
        }
    }

    @Test
    void anEventThatSucceededBeforeTheStopIsNotRunAgain() throws Exception {
        try (EdgeStart first = start(START, false, 2, 21_600)) {
            invokeAsync(first);
            assertEquals(1, first.messages("successes").size());
        }
        try (EdgeStart second = start(START.plusSeconds(5), false, 2, 21_600)) {
            second.advance(Duration.ofHours(1));
            assertEquals(List.of(START), attempts);
            assertTrue(second.messages("failures").isEmpty());
        }
    }

    @Test
    void anAttemptUnderWayWhenTheEdgeStopsRecordsItsOutcomeAndIsNotMadeAgain() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (EdgeStart first = start(START, false, 2, 21_600)) {
            first.edge.functions().register("reconcile", payload -> {
                attempts.add(first.clock.instant());
                running.countDown();
                awaitQuietly(release);
                return "{\"checked\":1}".getBytes(StandardCharsets.UTF_8);
            });
            first.lambda.invoke(i -> i.functionName("reconcile").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(PAYLOAD)));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            Thread stopping = new Thread(first.edge::close, "stopping-edge");
            stopping.start();
            stopping.join(200);
            assertTrue(stopping.isAlive(), "the stop waits for the attempt under way");
            release.countDown();
            stopping.join();
        }

        try (EdgeStart second = start(START.plusSeconds(5), false, 2, 21_600)) {
            second.advance(Duration.ofHours(1));
            assertEquals(List.of(START), attempts, "the attempt finished before the stop is not made again");
            assertEquals(1, second.messages("successes").size());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test held the function", e);
        }
    }

    @Test
    void anUnreadablePendingEventStopsTheStartNamingItsFile() throws Exception {
        Path broken = Files.createDirectories(dataDir.resolve("lambda-async")).resolve("broken.json");
        Files.writeString(broken, "{\"requestId\":");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new EdgeStart(dataDir, START));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
        assertFalse(Files.notExists(broken), "the file is left for the user to look at");
    }

    private static Message single(EdgeStart run, String queue) {
        List<Message> got = run.messages(queue);
        assertEquals(1, got.size(), queue);
        return got.get(0);
    }
}
