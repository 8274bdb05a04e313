package dev.ekslifecycle.local.sqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The local SQS through the AWS SDK v2 client: queues, messages, visibility, long polls on the clock, errors. */
class SqsEndpointTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private SqsHarness sqs;

    private SqsHarness start(SimulationClock clock) throws Exception {
        sqs = new SqsHarness(clock, Optional.empty());
        return sqs;
    }

    @AfterEach
    void stop() {
        if (sqs != null) {
            sqs.close();
            sqs.clock.shutdown();
        }
    }

    @Test
    void queuesAreCreatedFoundListedAndDescribedWithSqsDefaults() throws Exception {
        start(SimulationClock.virtual(START));
        String url = sqs.client.createQueue(r -> r.queueName("orders")).queueUrl();
        assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", url);
        assertEquals(url, sqs.client.createQueue(r -> r.queueName("orders")).queueUrl(), "same attributes: same queue");
        sqs.client.createQueue(r -> r.queueName("other").attributesWithStrings(Map.of("VisibilityTimeout", "5")));
        assertEquals(url, sqs.client.getQueueUrl(r -> r.queueName("orders")).queueUrl());
        assertEquals(List.of(url), sqs.client.listQueues(r -> r.queueNamePrefix("ord")).queueUrls());
        assertEquals(2, sqs.client.listQueues().queueUrls().size());
        assertEquals(List.of(url), sqs.client.listQueues(r -> r.maxResults(1)).queueUrls());

        Map<String, String> attributes = sqs.client.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertEquals("arn:aws:sqs:us-east-1:000000000000:orders", attributes.get("QueueArn"));
        assertEquals("30", attributes.get("VisibilityTimeout"));
        assertEquals("345600", attributes.get("MessageRetentionPeriod"));
        assertEquals("0", attributes.get("ApproximateNumberOfMessages"));
        assertEquals(String.valueOf(START.getEpochSecond()), attributes.get("CreatedTimestamp"));

        sqs.client.tagQueue(r -> r.queueUrl(url).tags(Map.of("team", "platform", "cost", "eks")));
        sqs.client.untagQueue(r -> r.queueUrl(url).tagKeys("cost"));
        assertEquals(Map.of("team", "platform"), sqs.client.listQueueTags(r -> r.queueUrl(url)).tags());
        String tagged = sqs.client.createQueue(r -> r.queueName("tagged").tags(Map.of("a", "b"))).queueUrl();
        assertEquals(Map.of("a", "b"), sqs.client.listQueueTags(r -> r.queueUrl(tagged)).tags());

        QueueNameExistsException clash = assertThrows(QueueNameExistsException.class, () -> sqs.client.createQueue(
                r -> r.queueName("other").attributesWithStrings(Map.of("VisibilityTimeout", "6"))));
        assertTrue(clash.getMessage().contains("VisibilityTimeout"), clash.getMessage());
    }

    @Test
    void attributesTravelWithTheMessageAndTheSdkAcceptsTheDigests() throws Exception {
        start(SimulationClock.virtual(START));
        String url = sqs.client.createQueue(r -> r.queueName("q")).queueUrl();
        byte[] binary = {0, 1, 2, (byte) 0xff};
        Map<String, MessageAttributeValue> attributes = Map.of(
                "ERROR_CODE", MessageAttributeValue.builder().dataType("String").stringValue("RESOURCE_NOT_FOUND").build(),
                "RETRY_ATTEMPTS", MessageAttributeValue.builder().dataType("Number").stringValue("3").build(),
                "Blob", MessageAttributeValue.builder().dataType("Binary.gz")
                        .binaryValue(SdkBytes.fromByteArray(binary)).build(),
                "Unicode", MessageAttributeValue.builder().dataType("String").stringValue("héllo ✓").build());
        // the SDK checks MD5OfMessageBody and MD5OfMessageAttributes of the answer against what it sent
        var sent = sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("{\"ok\":\"ü\"}")
                .messageAttributes(attributes));
        assertEquals(MessageDigests.ofBody("{\"ok\":\"ü\"}"), sent.md5OfMessageBody());

        List<Message> received = sqs.client.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertEquals(1, received.size());
        Message m = received.get(0);
        assertEquals(sent.messageId(), m.messageId());
        assertEquals("{\"ok\":\"ü\"}", m.body());
        assertEquals("RESOURCE_NOT_FOUND", m.messageAttributes().get("ERROR_CODE").stringValue());
        assertEquals("Number", m.messageAttributes().get("RETRY_ATTEMPTS").dataType());
        assertArrayEquals(binary, m.messageAttributes().get("Blob").binaryValue().asByteArray());
        assertEquals(sent.md5OfMessageAttributes(), m.md5OfMessageAttributes());
        assertEquals("1", m.attributesAsStrings().get("ApproximateReceiveCount"));
        assertEquals(String.valueOf(START.toEpochMilli()), m.attributesAsStrings().get("SentTimestamp"));
        assertEquals("AKIDSQS", m.attributesAsStrings().get("SenderId"));

        List<Message> filtered = sqs.client.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(0)).messages();
        assertTrue(filtered.isEmpty(), "still invisible for 30 s");
    }

    @Test
    void visibilityTimeoutsRunOnTheClockAndOnlyTheLatestReceiptDeletes() throws Exception {
        VirtualClock clock = VirtualClock.manual(START);
        start(clock);
        String url = sqs.client.createQueue(r -> r.queueName("q")).queueUrl();
        sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("one"));
        Message first = sqs.client.receiveMessage(r -> r.queueUrl(url).visibilityTimeout(30)).messages().get(0);
        assertTrue(sqs.client.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty());
        assertEquals("1", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        assertEquals("0", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));

        clock.advance(Duration.ofSeconds(30));
        Message second = sqs.client.receiveMessage(r -> r.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertEquals("2", second.attributesAsStrings().get("ApproximateReceiveCount"));
        sqs.client.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.receiptHandle()));
        assertEquals("1", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                "a stale receipt handle deletes nothing");

        sqs.client.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(second.receiptHandle())
                .visibilityTimeout(0));
        assertEquals("1", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertThrows(MessageNotInflightException.class, () -> sqs.client.changeMessageVisibility(
                r -> r.queueUrl(url).receiptHandle(second.receiptHandle()).visibilityTimeout(10)));
        Message third = sqs.client.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        sqs.client.deleteMessage(r -> r.queueUrl(url).receiptHandle(third.receiptHandle()));
        assertEquals("0", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        assertEquals("0", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void delaysAndRetentionRunOnTheClock() throws Exception {
        VirtualClock clock = VirtualClock.manual(START);
        start(clock);
        String url = sqs.client.createQueue(r -> r.queueName("q")
                .attributesWithStrings(Map.of("MessageRetentionPeriod", "60"))).queueUrl();
        sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("later").delaySeconds(10));
        assertEquals("1", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        assertTrue(sqs.client.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty());
        clock.advance(Duration.ofSeconds(10));
        assertEquals("1", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        clock.advance(Duration.ofSeconds(50));
        assertEquals("0", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                "dropped once the retention period has passed since it was sent");
    }

    @Test
    void aLongPollWaitsOnTheSimulationClock() throws Exception {
        SimulationClock clock = SimulationClock.virtual(START);
        start(clock);
        String url = sqs.client.createQueue(r -> r.queueName("q")).queueUrl();
        assertTrue(sqs.client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages().isEmpty());
        assertEquals(START.plusSeconds(20), clock.instant(), "an empty long poll lasts its wait time");

        sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("soon").delaySeconds(5));
        List<Message> got = sqs.client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages();
        assertEquals("soon", got.get(0).body());
        assertEquals(START.plusSeconds(25), clock.instant(), "answered when the delayed message became visible");
    }

    @Test
    void aLongPollIsAnsweredByASend() throws Exception {
        VirtualClock clock = VirtualClock.manual(START);
        start(clock);
        String url = sqs.client.createQueue(r -> r.queueName("q")).queueUrl();
        var poll = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> sqs.client.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)).messages());
        Thread.sleep(100);
        sqs.queues.send("arn:aws:sqs:us-east-1:000000000000:q", "now", Map.of());
        assertEquals("now", poll.get(10, java.util.concurrent.TimeUnit.SECONDS).get(0).body());
        assertEquals(START, clock.instant());
    }

    @Test
    void aRedrivePolicyMovesMessagesReceivedTooOften() throws Exception {
        VirtualClock clock = VirtualClock.manual(START);
        start(clock);
        String dlq = sqs.client.createQueue(r -> r.queueName("dlq")).queueUrl();
        String url = sqs.client.createQueue(r -> r.queueName("work").attributesWithStrings(Map.of("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:dlq\",\"maxReceiveCount\":\"2\"}",
                "VisibilityTimeout", "10"))).queueUrl();
        sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("poison"));
        for (int i = 0; i < 2; i++) {
            assertEquals(1, sqs.client.receiveMessage(r -> r.queueUrl(url)).messages().size());
            clock.advance(Duration.ofSeconds(10));
        }
        assertTrue(sqs.client.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty());
        assertEquals("poison", sqs.client.receiveMessage(r -> r.queueUrl(dlq)).messages().get(0).body());
    }

    @Test
    void errorsAreTheOnesTheSdkModels() throws Exception {
        start(SimulationClock.virtual(START));
        String missing = "https://sqs.us-east-1.amazonaws.com/000000000000/missing";
        QueueDoesNotExistException notFound = assertThrows(QueueDoesNotExistException.class,
                () -> sqs.client.sendMessage(r -> r.queueUrl(missing).messageBody("x")));
        assertEquals(400, notFound.statusCode());
        assertThrows(QueueDoesNotExistException.class, () -> sqs.client.getQueueUrl(r -> r.queueName("missing")));
        String url = sqs.client.createQueue(r -> r.queueName("q")).queueUrl();
        SqsException tooMany = assertThrows(SqsException.class,
                () -> sqs.client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(11)));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.getMessage().contains("MaxNumberOfMessages"), tooMany.getMessage());
        assertThrows(ReceiptHandleIsInvalidException.class,
                () -> sqs.client.deleteMessage(r -> r.queueUrl(url).receiptHandle("not-a-handle")));
        assertThrows(SqsException.class, () -> sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("bad \u0001")));
        assertThrows(SqsException.class, () -> sqs.client.createQueue(r -> r.queueName("bad name")));
        sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("x"));
        sqs.client.purgeQueue(r -> r.queueUrl(url));
        assertEquals("0", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertThrows(PurgeQueueInProgressException.class, () -> sqs.client.purgeQueue(r -> r.queueUrl(url)));
        sqs.client.deleteQueue(r -> r.queueUrl(url));
        assertThrows(QueueDoesNotExistException.class, () -> sqs.client.purgeQueue(r -> r.queueUrl(url)));
        assertThrows(SqsException.class, () -> sqs.client.createQueue(r -> r.queueName("q")),
                "a name can be used again only 60 s after its queue was deleted");
    }

    @Test
    void batchesDoEachEntryAndReportTheOnesThatFail() throws Exception {
        VirtualClock clock = VirtualClock.manual(START);
        start(clock);
        String url = sqs.client.createQueue(r -> r.queueName("q")).queueUrl();
        var sent = sqs.client.sendMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("a").messageBody("one").messageAttributes(Map.of("k",
                        MessageAttributeValue.builder().dataType("String").stringValue("v").build())),
                e -> e.id("b").messageBody("two").delaySeconds(5),
                e -> e.id("c").messageBody("")));
        assertEquals(List.of("a", "b"), sent.successful().stream().map(x -> x.id()).toList());
        assertEquals("c", sent.failed().get(0).id());
        assertTrue(sent.failed().get(0).senderFault());
        clock.advance(Duration.ofSeconds(5));
        List<Message> got = sqs.client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertEquals(2, got.size());

        var hidden = sqs.client.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(
                e -> e.id("x").receiptHandle(got.get(0).receiptHandle()).visibilityTimeout(0),
                e -> e.id("y").receiptHandle("bogus").visibilityTimeout(0)));
        assertEquals(1, hidden.successful().size());
        assertEquals("ReceiptHandleIsInvalid", hidden.failed().get(0).code());
        var deleted = sqs.client.deleteMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("x").receiptHandle(got.get(1).receiptHandle())));
        assertEquals(1, deleted.successful().size());
        assertEquals("1", count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertThrows(SqsException.class, () -> sqs.client.deleteMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("same").receiptHandle("h1"), e -> e.id("same").receiptHandle("h2"))));
        assertThrows(SqsException.class, () -> sqs.client.sendMessageBatch(r -> r.queueUrl(url).entries(List.of())));
    }

    @Test
    void queuesAndMessagesSurviveARestart(@TempDir Path dir) throws Exception {
        SimulationClock clock = SimulationClock.virtual(START);
        try (SqsHarness before = new SqsHarness(clock, Optional.of(dir))) {
            String url = before.client.createQueue(r -> r.queueName("kept")).queueUrl();
            before.client.tagQueue(r -> r.queueUrl(url).tags(Map.of("kept", "yes")));
            before.client.sendMessage(r -> r.queueUrl(url).messageBody("still here")
                    .messageAttributes(Map.of("k", MessageAttributeValue.builder().dataType("String")
                            .stringValue("v").build())));
        }
        try (SqsHarness after = new SqsHarness(clock, Optional.of(dir))) {
            String url = after.client.getQueueUrl(r -> r.queueName("kept")).queueUrl();
            Message m = after.client.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")).messages().get(0);
            assertEquals("still here", m.body());
            assertEquals("v", m.messageAttributes().get("k").stringValue());
            assertEquals(Map.of("kept", "yes"), after.client.listQueueTags(r -> r.queueUrl(url)).tags());
        } finally {
            clock.shutdown();
        }
        assertTrue(new String(java.nio.file.Files.readAllBytes(dir.resolve("sqs-state.json")),
                StandardCharsets.UTF_8).contains("kept"));
    }

    private String count(String url, QueueAttributeName name) {
        return sqs.client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(name)).attributesAsStrings()
                .get(name.toString());
    }
}
