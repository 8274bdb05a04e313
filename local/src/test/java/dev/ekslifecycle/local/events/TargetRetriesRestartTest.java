package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.local.lambda.EdgeStart;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * EventBridge target retries across a restart of the edge on its data directory: a retry pending when the local
 * cloud stops is made at its due time after the next start with its retry count, an event too old by then goes to
 * the dead-letter queue instead of the target, and a delivery is not repeated because of the restart.
 */
class TargetRetriesRestartTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:recorder";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final List<String> received = new CopyOnWriteArrayList<>();

    /**
     * Starts the edge at {@code at} with the target function registered, then resumes what was pending; a
     * throttled start refuses every asynchronous invocation of the function from the first one resumed on.
     */
    private EdgeStart start(Instant at, boolean throttled) throws Exception {
        EdgeStart run = new EdgeStart(dataDir, at);
        if (throttled) {
            run.edge.faults().add(FaultRule.always("lambda", "Invoke", "TooManyRequestsException", 429));
        }
        run.edge.functions().register("recorder", payload -> {
            received.add(new String(payload, StandardCharsets.UTF_8));
            return "{}".getBytes(StandardCharsets.UTF_8);
        });
        run.sqs.createQueue(r -> r.queueName("rule-dlq"));
        run.edge.resumePendingWork();
        return run;
    }

    /** A rule for the test's events with the function as its target, and an event put on the bus. */
    private static String putEventToTarget(EdgeStart run, int retries, int maxAgeSeconds) throws Exception {
        run.events.putRule(r -> r.name("drift").eventPattern("{\"source\":[\"lifecycle.test\"]}"));
        run.events.putTargets(t -> t.rule("drift").targets(Target.builder().id("t").arn(FUNCTION_ARN)
                .retryPolicy(p -> p.maximumRetryAttempts(retries).maximumEventAgeInSeconds(maxAgeSeconds))
                .deadLetterConfig(d -> d.arn(EdgeStart.queueArn("rule-dlq"))).build()));
        String eventId = run.events.putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                .source("lifecycle.test").detailType("Drift").detail("{\"cluster\":\"prod\"}").build()))
                .entries().get(0).eventId();
        run.awaitIdle();
        return eventId;
    }

    private static List<Instant> attemptTimes(EdgeStart run) {
        return run.edge.events().log().deliveries().stream().map(EventLog.Delivery::at).toList();
    }

    @Test
    void aRetryPendingAtStopIsMadeOnTimeAfterTheRestartThenDeadLetteredWithTheWholeCount() throws Exception {
        String eventId;
        try (EdgeStart first = start(START, true)) {
            eventId = putEventToTarget(first, 4, 3600);
            first.advance(Duration.ofSeconds(5));
            assertEquals(List.of(START, START.plusSeconds(1), START.plusSeconds(3)), attemptTimes(first),
                    "the third retry is due at +7 s");
        }

        try (EdgeStart second = start(START.plusSeconds(6), true)) {
            second.advance(Duration.ofMinutes(5));

            assertEquals(List.of(START.plusSeconds(7), START.plusSeconds(15)), attemptTimes(second),
                    "the back-off goes on from the retries made before the restart");
            Message dead = single(second);
            assertEquals(eventId, JSON.readTree(dead.body()).path("id").asText(), "the dead letter is the event");
            Map<String, MessageAttributeValue> a = dead.messageAttributes();
            assertEquals("arn:aws:events:us-east-1:000000000000:rule/drift", a.get("RULE_ARN").stringValue());
            assertEquals("THROTTLING", a.get("ERROR_CODE").stringValue());
            assertEquals("MaximumRetryAttempts", a.get("EXHAUSTED_RETRY_CONDITION").stringValue());
            assertEquals("4", a.get("RETRY_ATTEMPTS").stringValue());
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void aRetryThatFellDueDuringTheDowntimeIsDeliveredOnceAtStartUp() throws Exception {
        String eventId;
        try (EdgeStart first = start(START, false)) {
            first.edge.faults().add(FaultRule.nextCalls("lambda", "Invoke", "TooManyRequestsException", 429, 1));
            eventId = putEventToTarget(first, 185, 3600);
            assertEquals(List.of(START), attemptTimes(first), "throttled; the retry is due at +1 s");
        }

        Instant restart = START.plus(Duration.ofMinutes(10));
        try (EdgeStart second = start(restart, false)) {
            second.advance(Duration.ofHours(1));

            assertEquals(List.of(restart), attemptTimes(second), "made as soon as the local cloud is back");
            assertEquals(1, received.size(), "delivered once");
            assertEquals(eventId, JSON.readTree(received.get(0)).path("id").asText());
            assertTrue(second.messages("rule-dlq").isEmpty());
            EventLog.LoggedEvent logged = second.edge.events().log().events(e -> true).get(0);
            assertEquals(List.of("drift"), logged.matchedRules(), "the resumed event is in the log again");
        }

        try (EdgeStart third = start(restart.plus(Duration.ofHours(2)), false)) {
            third.advance(Duration.ofHours(1));
            assertEquals(1, received.size(), "a delivered event is not resumed again");
        }
    }

    @Test
    void anEventWhoseMaximumAgePassedDuringTheDowntimeIsDeadLetteredNotDelivered() throws Exception {
        try (EdgeStart first = start(START, false)) {
            first.edge.faults().add(FaultRule.nextCalls("lambda", "Invoke", "TooManyRequestsException", 429, 1));
            putEventToTarget(first, 185, 60);
        }

        try (EdgeStart second = start(START.plus(Duration.ofMinutes(10)), false)) {
            second.advance(Duration.ofSeconds(1));

            assertTrue(received.isEmpty(), "the function would take it now, but the event is 10 minutes old");
            Map<String, MessageAttributeValue> a = single(second).messageAttributes();
            assertEquals("MaximumEventAgeInSeconds", a.get("EXHAUSTED_RETRY_CONDITION").stringValue());
            assertEquals("THROTTLING", a.get("ERROR_CODE").stringValue(), "the last attempt's error");
            assertEquals("0", a.get("RETRY_ATTEMPTS").stringValue());
        }
    }

    @Test
    void aScheduleStandInKeepsItsScheduledTimeOnTheDeadLetterAcrossTheRestart() throws Exception {
        String schedule = "arn:aws:scheduler:us-east-1:000000000000:schedule/default/nightly";
        try (EdgeStart first = start(START, true)) {
            scheduledRule(first, schedule);
            first.advance(Duration.ofMinutes(30));
            assertEquals(START.plus(Duration.ofMinutes(30)), attemptTimes(first).get(0), "fired at +30 min");
        }

        try (EdgeStart second = start(START.plus(Duration.ofMinutes(31)), true)) {
            scheduledRule(second, schedule);
            second.advance(Duration.ofMinutes(5));

            List<Message> dead = second.messages("rule-dlq");
            assertEquals(1, dead.size());
            assertEquals("{\"job\":\"nightly\"}", dead.get(0).body(), "a Scheduler dead letter is the input");
            Map<String, MessageAttributeValue> a = dead.get(0).messageAttributes();
            assertEquals(schedule, a.get("SCHEDULE_ARN").stringValue());
            assertEquals(START.plus(Duration.ofMinutes(30)).toString(), a.get("SCHEDULED_TIME").stringValue());
            assertEquals("2", a.get("RETRY_ATTEMPTS").stringValue());
        }
    }

    @Test
    void aSavedDeliveryWithoutItsFieldsStopsTheStartNamingItsFile() throws Exception {
        Path damaged = Files.createDirectories(dataDir.resolve("eventbridge-deliveries")).resolve("d-1.json");
        Files.writeString(damaged, "{\"id\":\"d-1\",\"busName\":\"default\"}");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new EdgeStart(dataDir, START));
        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
    }

    /** A rule every 30 minutes standing in for a Scheduler schedule, as the template deploys it on each start. */
    private static void scheduledRule(EdgeStart run, String scheduleArn) throws Exception {
        run.events.putRule(r -> r.name("nightly").scheduleExpression("rate(30 minutes)"));
        run.events.putTargets(t -> t.rule("nightly").targets(Target.builder().id("t").arn(FUNCTION_ARN)
                .input("{\"job\":\"nightly\"}")
                .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(3600))
                .deadLetterConfig(d -> d.arn(EdgeStart.queueArn("rule-dlq"))).build()));
        run.edge.events().actAsSchedule("nightly", scheduleArn);
    }

    private static Message single(EdgeStart run) throws Exception {
        List<Message> got = run.messages("rule-dlq");
        assertEquals(1, got.size());
        JsonNode body = JSON.readTree(got.get(0).body());
        assertEquals("lifecycle.test", body.path("source").asText());
        return got.get(0);
    }
}
