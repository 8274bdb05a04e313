package dev.ekslifecycle.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.faults.FaultRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A target's RetryPolicy and DeadLetterConfig: deliveries that may succeed later are retried on the clock with a
 * doubling back-off, those that cannot are not, and what is given up on reaches the SQS dead-letter queue with
 * EventBridge's attributes.
 */
class TargetRetriesTest {

    private static final String DLQ_ARN = "arn:aws:sqs:us-east-1:000000000000:rule-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBridgeHarness edge;
    private String dlqUrl;

    @BeforeEach
    void start() throws Exception {
        edge = EventBridgeHarness.virtual();
        dlqUrl = edge.sqs.createQueue(r -> r.queueName("rule-dlq")).queueUrl();
        edge.client.putRule(r -> r.name("drift").eventPattern("{\"source\":[\"lifecycle.test\"]}"));
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    private String putEvent() throws Exception {
        var response = edge.client.putEvents(p -> p.entries(PutEventsRequestEntry.builder()
                .source("lifecycle.test").detailType("Drift").detail("{\"cluster\":\"prod\"}").build()));
        edge.settle();
        return response.entries().get(0).eventId();
    }

    private void target(String arn, int retries, int maxAge) {
        edge.client.putTargets(t -> t.rule("drift").targets(Target.builder().id("t").arn(arn)
                .retryPolicy(p -> p.maximumRetryAttempts(retries).maximumEventAgeInSeconds(maxAge))
                .deadLetterConfig(d -> d.arn(DLQ_ARN)).build()));
    }

    private List<Instant> attemptTimes() {
        return edge.events.log().deliveries().stream().map(EventLog.Delivery::at).toList();
    }

    @Test
    void aMissingFunctionIsNotRetriedAndTheEventGoesStraightToTheDeadLetterQueue() throws Exception {
        String missing = "arn:aws:lambda:us-east-1:000000000000:function:gone";
        target(missing, 5, 3600);
        String eventId = putEvent();

        assertEquals(List.of(EventBridgeHarness.START), attemptTimes());
        Message dead = deadLetters().get(0);
        assertEquals(eventId, JSON.readTree(dead.body()).path("id").asText(), "the dead letter is the event");
        Map<String, MessageAttributeValue> a = dead.messageAttributes();
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/drift", a.get("RULE_ARN").stringValue());
        assertEquals(missing, a.get("TARGET_ARN").stringValue());
        assertEquals("NO_RESOURCE", a.get("ERROR_CODE").stringValue());
        assertTrue(a.get("ERROR_MESSAGE").stringValue().contains("Function not found"));
        assertEquals("0", a.get("RETRY_ATTEMPTS").stringValue());
        assertFalse(a.containsKey("EXHAUSTED_RETRY_CONDITION"), "no retry condition ended it");
    }

    @Test
    void throttlingIsRetriedWithADoublingBackOffUntilItPasses() throws Exception {
        edge.faults.add(FaultRule.nextCalls("lambda", "Invoke", "TooManyRequestsException", 429, 3));
        target(EventBridgeHarness.RECORDER_ARN, 5, 3600);
        putEvent();

        Instant t0 = EventBridgeHarness.START;
        assertEquals(List.of(t0, t0.plusSeconds(1), t0.plusSeconds(3), t0.plusSeconds(7)), attemptTimes());
        List<EventLog.Delivery> deliveries = edge.events.log().deliveries();
        assertTrue(deliveries.get(0).result().startsWith("THROTTLING"), deliveries.get(0).result());
        assertTrue(deliveries.get(3).delivered());
        assertEquals(1, edge.lambdaInputs.size());
        assertTrue(deadLetters().isEmpty());
    }

    @Test
    void exhaustedRetriesAreDeadLetteredWithTheirCondition() throws Exception {
        edge.faults.add(FaultRule.always("lambda", "Invoke", "ServiceException", 500));
        target(EventBridgeHarness.RECORDER_ARN, 2, 3600);
        putEvent();

        assertEquals(3, attemptTimes().size());
        Map<String, MessageAttributeValue> a = deadLetters().get(0).messageAttributes();
        assertEquals("ERROR_FROM_TARGET", a.get("ERROR_CODE").stringValue());
        assertEquals("MaximumRetryAttempts", a.get("EXHAUSTED_RETRY_CONDITION").stringValue());
        assertEquals("2", a.get("RETRY_ATTEMPTS").stringValue());
    }

    @Test
    void retriesStopAtTheMaximumEventAge() throws Exception {
        edge.faults.add(FaultRule.always("lambda", "Invoke", "TooManyRequestsException", 429));
        target(EventBridgeHarness.RECORDER_ARN, 185, 60);
        putEvent();

        // attempts at 0, 1, 3, 7, 15, 31 s; the next would be at 63 s, past the 60 s age limit
        assertEquals(EventBridgeHarness.START.plusSeconds(31), attemptTimes().get(attemptTimes().size() - 1));
        Map<String, MessageAttributeValue> a = deadLetters().get(0).messageAttributes();
        assertEquals("MaximumEventAgeInSeconds", a.get("EXHAUSTED_RETRY_CONDITION").stringValue());
        assertEquals("5", a.get("RETRY_ATTEMPTS").stringValue());
        assertEquals("THROTTLING", a.get("ERROR_CODE").stringValue());
    }

    @Test
    void queueTargetsReceiveTheEventAndTheSettingsAreListedAndChecked() throws Exception {
        String inbox = edge.sqs.createQueue(r -> r.queueName("inbox")).queueUrl();
        target("arn:aws:sqs:us-east-1:000000000000:inbox", 3, 120);
        putEvent();
        assertEquals("prod", JSON.readTree(edge.sqs.receiveMessage(r -> r.queueUrl(inbox)).messages().get(0).body())
                .path("detail").path("cluster").asText());

        Target listed = edge.client.listTargetsByRule(r -> r.rule("drift")).targets().get(0);
        assertEquals(3, listed.retryPolicy().maximumRetryAttempts());
        assertEquals(120, listed.retryPolicy().maximumEventAgeInSeconds());
        assertEquals(DLQ_ARN, listed.deadLetterConfig().arn());
        assertThrows(EventBridgeException.class, () -> target(EventBridgeHarness.RECORDER_ARN, 186, 120));
        assertThrows(EventBridgeException.class, () -> target(EventBridgeHarness.RECORDER_ARN, 1, 59));
        assertThrows(EventBridgeException.class, () -> edge.client.putTargets(t -> t.rule("drift").targets(
                Target.builder().id("x").arn(EventBridgeHarness.RECORDER_ARN)
                        .deadLetterConfig(d -> d.arn("arn:aws:sns:us-east-1:000000000000:topic")).build())));
    }

    private List<Message> deadLetters() {
        return edge.sqs.receiveMessage(r -> r.queueUrl(dlqUrl).maxNumberOfMessages(10).messageAttributeNames("All"))
                .messages();
    }
}
