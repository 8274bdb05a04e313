package dev.ekslifecycle.local.sqs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The local SQS through its Query protocol, as the AWS CLI v2.9 speaks it (form bodies over HTTP, XML answers),
 * against the same queues the AWS SDK v2 client sees through the JSON protocol.
 */
class SqsQueryProtocolTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final byte[] BLOB = {0, 1, 2, (byte) 0xff};

    private VirtualClock clock;
    private SqsHarness sqs;
    private QueryCalls query;

    @BeforeEach
    void start() throws Exception {
        clock = VirtualClock.manual(START);
        sqs = new SqsHarness(clock, Optional.empty());
        query = new QueryCalls(sqs.host.url());
    }

    @AfterEach
    void stop() {
        sqs.close();
        clock.shutdown();
    }

    @Test
    void queuesAreCreatedDescribedTaggedAndDeletedThroughQuery() throws Exception {
        QueryCalls.Answer created = query.call("/", "Action", "CreateQueue", "QueueName", "orders",
                "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "7",
                "Tag.1.Key", "team", "Tag.1.Value", "platform");
        assertEquals(200, created.status());
        String url = created.text("/q:CreateQueueResponse/q:CreateQueueResult/q:QueueUrl");
        assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/orders", url);
        assertFalse(created.text("/q:CreateQueueResponse/q:ResponseMetadata/q:RequestId").isBlank());
        assertEquals("7", sqs.client.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributesAsStrings().get("VisibilityTimeout"));
        assertEquals(Map.of("team", "platform"), sqs.client.listQueueTags(r -> r.queueUrl(url)).tags());

        String other = sqs.client.createQueue(r -> r.queueName("other")).queueUrl();
        assertEquals(List.of(url, other), query.call("/", "Action", "ListQueues")
                .texts("/q:ListQueuesResponse/q:ListQueuesResult/q:QueueUrl"));
        QueryCalls.Answer firstPage = query.call("/", "Action", "ListQueues", "MaxResults", "1");
        assertEquals(List.of(url), firstPage.texts("//q:ListQueuesResult/q:QueueUrl"));
        assertEquals(List.of(other), query.call("/", "Action", "ListQueues", "MaxResults", "1", "NextToken",
                firstPage.text("//q:ListQueuesResult/q:NextToken")).texts("//q:ListQueuesResult/q:QueueUrl"));
        assertEquals(url, query.call("/", "Action", "GetQueueUrl", "QueueName", "orders")
                .text("/q:GetQueueUrlResponse/q:GetQueueUrlResult/q:QueueUrl"));

        QueryCalls.Answer set = query.call("/", "Action", "SetQueueAttributes", "QueueUrl", url,
                "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "3",
                "Attribute.2.Name", "MaximumMessageSize", "Attribute.2.Value", "2048");
        assertEquals(200, set.status());
        assertEquals(0, set.count("//q:SetQueueAttributesResult"), "an operation without output has no result");
        assertEquals(Map.of("DelaySeconds", "3", "MaximumMessageSize", "2048", "QueueArn",
                "arn:aws:sqs:us-east-1:000000000000:orders"), query.call("/", "Action", "GetQueueAttributes",
                "QueueUrl", url, "AttributeName.1", "DelaySeconds", "AttributeName.2", "QueueArn",
                "AttributeName.3", "MaximumMessageSize")
                .map("/q:GetQueueAttributesResponse/q:GetQueueAttributesResult/q:Attribute", "q:Name", "q:Value"));
        Map<String, String> all = query.call("/", "Action", "GetQueueAttributes", "QueueUrl", url,
                "AttributeName.1", "All").map("//q:GetQueueAttributesResult/q:Attribute", "q:Name", "q:Value");
        assertEquals(sqs.client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings(), all);

        query.call("/", "Action", "TagQueue", "QueueUrl", url, "Tag.1.Key", "cost", "Tag.1.Value", "eks");
        query.call("/", "Action", "UntagQueue", "QueueUrl", url, "TagKey.1", "team");
        assertEquals(Map.of("cost", "eks"), query.call("/", "Action", "ListQueueTags", "QueueUrl", url)
                .map("/q:ListQueueTagsResponse/q:ListQueueTagsResult/q:Tag", "q:Key", "q:Value"));

        QueryCalls.Answer deleted = query.call("/", "Action", "DeleteQueue", "QueueUrl", url);
        assertEquals(200, deleted.status());
        assertFalse(deleted.text("/q:DeleteQueueResponse/q:ResponseMetadata/q:RequestId").isBlank());
        assertEquals(List.of(other), sqs.client.listQueues().queueUrls());
    }

    @Test
    void aMessageSentThroughQueryIsReceivedByTheSdkWithTheDigestsItChecks() throws Exception {
        String url = sqs.client.createQueue(r -> r.queueName("jobs")).queueUrl();
        String body = "upgrade <prod> & drain: ünïcode ✓";
        QueryCalls.Answer sent = query.call("/", "Action", "SendMessage", "QueueUrl", url, "MessageBody", body,
                "MessageAttribute.1.Name", "cluster", "MessageAttribute.1.Value.DataType", "String",
                "MessageAttribute.1.Value.StringValue", "prod",
                "MessageAttribute.2.Name", "replicas", "MessageAttribute.2.Value.DataType", "Number.int",
                "MessageAttribute.2.Value.StringValue", "3",
                "MessageAttribute.3.Name", "blob", "MessageAttribute.3.Value.DataType", "Binary",
                "MessageAttribute.3.Value.BinaryValue", Base64.getEncoder().encodeToString(BLOB));
        assertEquals(200, sent.status());
        String result = "/q:SendMessageResponse/q:SendMessageResult/";
        assertEquals(md5(body), sent.text(result + "q:MD5OfMessageBody"));

        // the SDK checks MD5OfBody and MD5OfMessageAttributes of what it receives against its own computation
        Message got = sqs.client.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
        assertEquals(sent.text(result + "q:MessageId"), got.messageId());
        assertEquals(body, got.body());
        assertEquals(sent.text(result + "q:MD5OfMessageAttributes"), got.md5OfMessageAttributes());
        assertEquals(MessageAttributeValue.builder().dataType("String").stringValue("prod").build(),
                got.messageAttributes().get("cluster"));
        assertEquals("3", got.messageAttributes().get("replicas").stringValue());
        assertEquals("Number.int", got.messageAttributes().get("replicas").dataType());
        assertArrayEquals(BLOB, got.messageAttributes().get("blob").binaryValue().asByteArray());
        assertEquals(QueryCalls.ACCESS_KEY, got.attributes().get(MessageSystemAttributeName.SENDER_ID));
    }

    @Test
    void aMessageSentByTheSdkIsReceivedAndDeletedThroughQuery() throws Exception {
        String url = sqs.client.createQueue(r -> r.queueName("jobs")).queueUrl();
        SendMessageResponse sent = sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("drain <node-1>")
                .messageAttributes(Map.of(
                        "cluster", MessageAttributeValue.builder().dataType("String").stringValue("prod").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(BLOB)).build())));

        QueryCalls.Answer received = query.call("/", "Action", "ReceiveMessage", "QueueUrl", url,
                "AttributeName.1", "All", "MessageAttributeName.1", "All", "VisibilityTimeout", "30");
        assertEquals(1, received.count("/q:ReceiveMessageResponse/q:ReceiveMessageResult/q:Message"));
        String message = "//q:ReceiveMessageResult/q:Message/";
        assertEquals(sent.messageId(), received.text(message + "q:MessageId"));
        assertEquals("drain <node-1>", received.text(message + "q:Body"));
        assertEquals(sent.md5OfMessageBody(), received.text(message + "q:MD5OfBody"));
        assertEquals(md5("drain <node-1>"), received.text(message + "q:MD5OfBody"));
        assertEquals(sent.md5OfMessageAttributes(), received.text(message + "q:MD5OfMessageAttributes"));
        Map<String, String> system = received.map(message + "q:Attribute", "q:Name", "q:Value");
        assertEquals("AKIDSQS", system.get("SenderId"));
        assertEquals("1", system.get("ApproximateReceiveCount"));
        assertEquals(String.valueOf(START.toEpochMilli()), system.get("SentTimestamp"));
        assertEquals(Map.of("cluster", "String", "blob", "Binary"),
                received.map(message + "q:MessageAttribute", "q:Name", "q:Value/q:DataType"));
        assertEquals("prod", received.text(message + "q:MessageAttribute[q:Name='cluster']/q:Value/q:StringValue"));
        assertArrayEquals(BLOB, Base64.getDecoder().decode(
                received.text(message + "q:MessageAttribute[q:Name='blob']/q:Value/q:BinaryValue")));

        QueryCalls.Answer again = query.call("/", "Action", "ReceiveMessage", "QueueUrl", url);
        assertEquals(1, again.count("/q:ReceiveMessageResponse/q:ReceiveMessageResult"), "an empty result is there");
        assertEquals(0, again.count("//q:Message"), "the message is in flight");

        QueryCalls.Answer deleted = query.call("/", "Action", "DeleteMessage", "QueueUrl", url,
                "ReceiptHandle", received.text(message + "q:ReceiptHandle"));
        assertEquals(200, deleted.status());
        assertEquals(1, deleted.count("/q:DeleteMessageResponse/q:ResponseMetadata/q:RequestId"));
        clock.advance(Duration.ofSeconds(31));
        assertTrue(sqs.client.receiveMessage(r -> r.queueUrl(url)).messages().isEmpty(), "deleted for good");
    }

    @Test
    void batchesReportEachEntryInTheQueryFormat() throws Exception {
        String url = sqs.client.createQueue(r -> r.queueName("batch")).queueUrl();
        QueryCalls.Answer sent = query.call("/", "Action", "SendMessageBatch", "QueueUrl", url,
                "SendMessageBatchRequestEntry.1.Id", "ok", "SendMessageBatchRequestEntry.1.MessageBody", "one",
                "SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "kind",
                "SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "String",
                "SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "first",
                "SendMessageBatchRequestEntry.2.Id", "late", "SendMessageBatchRequestEntry.2.MessageBody", "two",
                "SendMessageBatchRequestEntry.2.DelaySeconds", "901");
        String result = "/q:SendMessageBatchResponse/q:SendMessageBatchResult/";
        assertEquals(List.of("ok"), sent.texts(result + "q:SendMessageBatchResultEntry/q:Id"));
        assertEquals(md5("one"), sent.text(result + "q:SendMessageBatchResultEntry/q:MD5OfMessageBody"));
        assertEquals(List.of("late"), sent.texts(result + "q:BatchResultErrorEntry/q:Id"));
        assertEquals("true", sent.text(result + "q:BatchResultErrorEntry/q:SenderFault"));
        assertEquals("InvalidParameterValue", sent.text(result + "q:BatchResultErrorEntry/q:Code"));

        Message got = sqs.client.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages().get(0);
        assertEquals("first", got.messageAttributes().get("kind").stringValue());
        QueryCalls.Answer changed = query.call("/", "Action", "ChangeMessageVisibilityBatch", "QueueUrl", url,
                "ChangeMessageVisibilityBatchRequestEntry.1.Id", "x",
                "ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle", got.receiptHandle(),
                "ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout", "0",
                "ChangeMessageVisibilityBatchRequestEntry.2.Id", "y",
                "ChangeMessageVisibilityBatchRequestEntry.2.ReceiptHandle", "not-a-handle",
                "ChangeMessageVisibilityBatchRequestEntry.2.VisibilityTimeout", "0");
        assertEquals(List.of("x"), changed.texts("//q:ChangeMessageVisibilityBatchResultEntry/q:Id"));
        assertEquals("ReceiptHandleIsInvalid", changed.text("//q:BatchResultErrorEntry[q:Id='y']/q:Code"));

        QueryCalls.Answer received = query.call("/", "Action", "ReceiveMessage", "QueueUrl", url,
                "MaxNumberOfMessages", "10");
        assertEquals(List.of("one"), received.texts("//q:Message/q:Body"), "visible again at once");
        QueryCalls.Answer deleted = query.call("/", "Action", "DeleteMessageBatch", "QueueUrl", url,
                "DeleteMessageBatchRequestEntry.1.Id", "d",
                "DeleteMessageBatchRequestEntry.1.ReceiptHandle", received.text("//q:Message/q:ReceiptHandle"));
        assertEquals(List.of("d"), deleted.texts(
                "/q:DeleteMessageBatchResponse/q:DeleteMessageBatchResult/q:DeleteMessageBatchResultEntry/q:Id"));
        assertEquals("0", messagesIn(url));

        QueryCalls.Answer empty = query.call("/", "Action", "DeleteMessageBatch", "QueueUrl", url);
        assertEquals(400, empty.status());
        assertEquals("AWS.SimpleQueueService.EmptyBatchRequest", empty.text("//q:Error/q:Code"));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad(400, "InvalidAction", "Version", "2012-11-05"),
                bad(400, "InvalidAction", "Action", "", "QueueName", "kept"),
                bad(400, "InvalidAction", "Action", "AddPermission", "QueueUrl", "{kept}", "Label", "x"),
                bad(400, "InvalidAction", "Action", "SendMessages", "QueueUrl", "{kept}", "MessageBody", "x"),
                bad(400, "MissingParameter", "Action", "CreateQueue"),
                bad(400, "MissingParameter", "Action", "SendMessage", "QueueUrl", "{kept}"),
                bad(400, "MissingParameter", "Action", "DeleteMessage", "QueueUrl", "{kept}"),
                bad(400, "MissingParameter", "Action", "SetQueueAttributes", "QueueUrl", "{kept}",
                        "Attribute.1.Value", "5"),
                bad(400, "MissingParameter", "Action", "SetQueueAttributes", "QueueUrl", "{kept}",
                        "Attribute.1.Name", "VisibilityTimeout"),
                bad(400, "AWS.SimpleQueueService.NonExistentQueue", "Action", "GetQueueUrl", "QueueName", "missing"),
                bad(400, "AWS.SimpleQueueService.NonExistentQueue", "Action", "SendMessage",
                        "QueueUrl", "https://sqs.us-east-1.amazonaws.com/000000000000/missing", "MessageBody", "x"),
                bad(400, "AWS.SimpleQueueService.NonExistentQueue", "Action", "PurgeQueue",
                        "QueueUrl", "https://sqs.us-east-1.amazonaws.com/000000000000/missing"),
                bad(400, "InvalidParameterValue", "Action", "ReceiveMessage", "QueueUrl", "{kept}",
                        "MaxNumberOfMessages", "lots"),
                bad(400, "InvalidParameterValue", "Action", "ReceiveMessage", "QueueUrl", "{kept}",
                        "MaxNumberOfMessages", "11"),
                bad(400, "InvalidParameterValue", "Action", "GetQueueAttributes", "QueueUrl", "{kept}",
                        "AttributeName.first", "All"),
                bad(400, "InvalidParameterValue", "Action", "GetQueueAttributes", "QueueUrl", "{kept}",
                        "AttributeName", "All", "AttributeName.1", "All"),
                bad(400, "InvalidAttributeName", "Action", "GetQueueAttributes", "QueueUrl", "{kept}",
                        "AttributeName.1", "Colour"),
                bad(400, "InvalidAttributeValue", "Action", "SetQueueAttributes", "QueueUrl", "{kept}",
                        "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "-1"),
                bad(400, "InvalidParameterValue", "Action", "SendMessage", "QueueUrl", "{kept}", "MessageBody", "x",
                        "MessageAttribute.1.Name", "n", "MessageAttribute.1.Value.DataType", "Number",
                        "MessageAttribute.1.Value.StringValue", "three"),
                bad(400, "InvalidParameterValue", "Action", "SendMessage", "QueueUrl", "{kept}", "MessageBody", "x",
                        "MessageAttribute.1.Name", "b", "MessageAttribute.1.Value.DataType", "Binary",
                        "MessageAttribute.1.Value.BinaryValue", "not base64!"),
                bad(400, "InvalidParameterValue", "Action", "SendMessage", "QueueUrl", "{kept}", "MessageBody", "x",
                        "MessageAttribute.1.Name", "s", "MessageAttribute.1.Value.DataType", "String",
                        "MessageAttribute.1.Value.StringValue", "bell \u0007"),
                bad(400, "InvalidMessageContents", "Action", "SendMessage", "QueueUrl", "{kept}",
                        "MessageBody", "nul \u0000"),
                bad(400, "ReceiptHandleIsInvalid", "Action", "DeleteMessage", "QueueUrl", "{kept}",
                        "ReceiptHandle", "bogus"),
                bad(400, "QueueAlreadyExists", "Action", "CreateQueue", "QueueName", "kept",
                        "Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "9"),
                bad(400, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", tooManyEntries()));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badRequestsGetQueryErrorsAndChangeNothing(int status, String code, List<String> form) throws Exception {
        String url = sqs.client.createQueue(r -> r.queueName("kept")).queueUrl();
        sqs.client.sendMessage(r -> r.queueUrl(url).messageBody("stays"));
        List<String> params = form.stream().map(p -> p.replace("{kept}", url)).toList();

        QueryCalls.Answer answer = query.post("/", true, params);

        assertEquals(status, answer.status());
        assertEquals(code, answer.text("/q:ErrorResponse/q:Error/q:Code"));
        assertEquals("Sender", answer.text("/q:ErrorResponse/q:Error/q:Type"));
        assertFalse(answer.text("/q:ErrorResponse/q:Error/q:Message").isBlank());
        assertFalse(answer.text("/q:ErrorResponse/q:RequestId").isBlank());
        assertEquals(List.of(url), sqs.client.listQueues().queueUrls());
        assertEquals("1", messagesIn(url));
        assertEquals("30", sqs.client.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributesAsStrings().get("VisibilityTimeout"));
    }

    @Test
    void injectedFaultsAnswerInTheQueryFormat() throws Exception {
        String url = sqs.client.createQueue(r -> r.queueName("faulty")).queueUrl();
        sqs.faults.add(FaultRule.nextCalls("sqs", "SendMessage", "ServiceUnavailable", 503, 1));
        QueryCalls.Answer failed = query.call("/", "Action", "SendMessage", "QueueUrl", url, "MessageBody", "x");
        assertEquals(503, failed.status());
        assertEquals("ServiceUnavailable", failed.text("//q:Error/q:Code"));
        assertEquals("Receiver", failed.text("//q:Error/q:Type"));
        assertEquals("0", messagesIn(url));
        assertEquals(200, query.call("/", "Action", "SendMessage", "QueueUrl", url, "MessageBody", "x").status());
        assertEquals("1", messagesIn(url));

        sqs.faults.add(FaultRule.nextCalls("sqs", "ReceiveMessage", "ThrottlingException", 400, 1));
        SqsException throttled;
        try (SqsClient once = SqsClient.builder().endpointOverride(URI.create(sqs.host.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSQS", "s")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            throttled = assertThrows(SqsException.class, () -> once.receiveMessage(r -> r.queueUrl(url)));
        }
        assertEquals("ThrottlingException", throttled.awsErrorDetails().errorCode(), "the same rule in JSON");
        assertEquals(400, throttled.statusCode());
    }

    @Test
    void callsPostedToTheQueuePathOrUnsignedWithTheApiVersionAreServed() throws Exception {
        String url = sqs.client.createQueue(r -> r.queueName("path")).queueUrl();
        assertEquals(200, query.call("/000000000000/path", "Action", "SendMessage", "QueueUrl", url,
                "MessageBody", "by path").status());
        QueryCalls.Answer unsigned = query.post("/", false, List.of("Action", "ReceiveMessage",
                "Version", "2012-11-05", "QueueUrl", url));
        assertEquals(List.of("by path"), unsigned.texts("//q:ReceiveMessageResult/q:Message/q:Body"));
    }

    @Test
    void theEdgeRoutesQueryCallsSignedForSqsToTheSameQueues() throws Exception {
        VirtualClock edgeClock = VirtualClock.manual(START);
        try (LocalEdge edge = LocalEdge.start(0, edgeClock, new FaultInjector(3), Optional.empty())) {
            QueryCalls edgeQuery = new QueryCalls(edge.url());
            String url = edgeQuery.call("/", "Action", "CreateQueue", "QueueName", "LifecycleDeadLetterQueue")
                    .text("//q:CreateQueueResult/q:QueueUrl");
            edge.queues().send(url, "dead letter", Map.of());
            assertEquals(List.of("dead letter"), edgeQuery.call("/", "Action", "ReceiveMessage", "QueueUrl", url)
                    .texts("//q:Message/q:Body"));
        } finally {
            edgeClock.shutdown();
        }
    }

    private String messagesIn(String url) {
        return sqs.client.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributesAsStrings()
                .get("ApproximateNumberOfMessages");
    }

    private static Arguments bad(int status, String code, String... form) {
        return Arguments.of(status, code, List.of(form));
    }

    private static String[] tooManyEntries() {
        List<String> form = new ArrayList<>(List.of("Action", "SendMessageBatch", "QueueUrl", "{kept}"));
        for (int i = 1; i <= 11; i++) {
            form.addAll(List.of("SendMessageBatchRequestEntry." + i + ".Id", "e" + i,
                    "SendMessageBatchRequestEntry." + i + ".MessageBody", "m" + i));
        }
        return form.toArray(String[]::new);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Queue tags and the queue attributes SQS keeps as given (policies, KMS key) hold only the characters SQS
     * allows, which are those XML can hold: a value with any other is refused on both protocols and changes nothing,
     * so every later Query answer (ListQueueTags, GetQueueAttributes) stays well-formed XML; every allowed one
     * round-trips.
     */
    @Nested
    class KeptText {

        private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        /** Markup, whitespace XML normalises unless escaped, Latin-1 and a character outside the BMP. */
        private static final String ALLOWED = "a <b> & \"c\" 'd'\r\n\tünï ✓ \uD834\uDD1E";

        private String url;

        @BeforeEach
        void createQueue() {
            url = sqs.client.createQueue(r -> r.queueName("kept").tags(Map.of("team", "platform"))
                    .attributesWithStrings(Map.of("Policy", POLICY))).queueUrl();
        }

        /** A write with a refused character, made once through the SDK (JSON) and once through Query. */
        private static Arguments write(String what, String code, BiConsumer<SqsClient, String> json,
                                       String... form) {
            return Arguments.of(what, code, json, List.of(form));
        }

        static Stream<Arguments> refusedWrites() {
            return Stream.of(
                    write("a tag value", "InvalidParameterValue",
                            (c, u) -> c.tagQueue(r -> r.queueUrl(u).tags(Map.of("team", "bell \u0007"))),
                            "Action", "TagQueue", "QueueUrl", "{url}", "Tag.1.Key", "team",
                            "Tag.1.Value", "bell \u0007"),
                    write("a tag key", "InvalidParameterValue",
                            (c, u) -> c.tagQueue(r -> r.queueUrl(u).tags(Map.of("x\u0001", "v"))),
                            "Action", "TagQueue", "QueueUrl", "{url}", "Tag.1.Key", "x\u0001", "Tag.1.Value", "v"),
                    write("a new queue's tag", "InvalidParameterValue",
                            (c, u) -> c.createQueue(r -> r.queueName("fresh").tags(Map.of("k", "\uFFFE"))),
                            "Action", "CreateQueue", "QueueName", "fresh", "Tag.1.Key", "k", "Tag.1.Value", "\uFFFE"),
                    write("a Policy", "InvalidAttributeValue",
                            (c, u) -> c.setQueueAttributes(r -> r.queueUrl(u).attributesWithStrings(
                                    Map.of("Policy", "{\u0001}"))),
                            "Action", "SetQueueAttributes", "QueueUrl", "{url}",
                            "Attribute.1.Name", "Policy", "Attribute.1.Value", "{\u0001}"),
                    write("a RedriveAllowPolicy", "InvalidAttributeValue",
                            (c, u) -> c.setQueueAttributes(r -> r.queueUrl(u).attributesWithStrings(
                                    Map.of("RedriveAllowPolicy", "{\"redrivePermission\":\"allowAll\u0002\"}"))),
                            "Action", "SetQueueAttributes", "QueueUrl", "{url}",
                            "Attribute.1.Name", "RedriveAllowPolicy",
                            "Attribute.1.Value", "{\"redrivePermission\":\"allowAll\u0002\"}"),
                    write("a RedrivePolicy", "InvalidAttributeValue",
                            (c, u) -> c.setQueueAttributes(r -> r.queueUrl(u).attributesWithStrings(
                                    Map.of("RedrivePolicy", "\u0003"))),
                            "Action", "SetQueueAttributes", "QueueUrl", "{url}", "Attribute.1.Name", "RedrivePolicy",
                            "Attribute.1.Value", "\u0003"),
                    write("a new queue's KmsMasterKeyId", "InvalidAttributeValue",
                            (c, u) -> c.createQueue(r -> r.queueName("fresh").attributesWithStrings(
                                    Map.of("KmsMasterKeyId", "alias/\u001f"))),
                            "Action", "CreateQueue", "QueueName", "fresh", "Attribute.1.Name", "KmsMasterKeyId",
                            "Attribute.1.Value", "alias/\u001f"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusedWrites")
        void aValueWithACharacterSqsDoesNotAllowIsRefusedOnBothProtocolsAndChangesNothing(String what, String code,
                BiConsumer<SqsClient, String> json, List<String> form) throws Exception {
            Map<String, String> attributesBefore = attributesByQuery();

            SqsException refused = assertThrows(SqsException.class, () -> json.accept(sqs.client, url));
            assertEquals(code, refused.awsErrorDetails().errorCode(), what);
            assertEquals(400, refused.statusCode());

            List<String> params = form.stream().map(p -> p.replace("{url}", url)).toList();
            QueryCalls.Answer answer = query.call("/", params.toArray(String[]::new));
            assertEquals(400, answer.status());
            assertEquals(code, answer.text("/q:ErrorResponse/q:Error/q:Code"), what);

            // the Query answers parse (QueryCalls reads them as XML) and show the queue as it was
            assertEquals(Map.of("team", "platform"), tagsByQuery());
            assertEquals(attributesBefore, attributesByQuery());
            assertEquals(List.of(url), sqs.client.listQueues().queueUrls(), "no queue was created");
        }

        @Test
        void everyAllowedCharacterRoundTripsThroughBothProtocols() throws Exception {
            sqs.client.tagQueue(r -> r.queueUrl(url).tags(Map.of("by-json " + ALLOWED, ALLOWED)));
            query.call("/", "Action", "TagQueue", "QueueUrl", url, "Tag.1.Key", "by-query " + ALLOWED,
                    "Tag.1.Value", ALLOWED);
            Map<String, String> tags = Map.of("team", "platform", "by-json " + ALLOWED, ALLOWED,
                    "by-query " + ALLOWED, ALLOWED);
            assertEquals(tags, tagsByQuery());
            assertEquals(tags, sqs.client.listQueueTags(r -> r.queueUrl(url)).tags());

            String policy = "{\"Sid\":\"" + ALLOWED.replace("\"", "\\\"") + "\"}";
            sqs.client.setQueueAttributes(r -> r.queueUrl(url).attributesWithStrings(Map.of("Policy", policy)));
            assertEquals(policy, attributesByQuery().get("Policy"));
            query.call("/", "Action", "SetQueueAttributes", "QueueUrl", url, "Attribute.1.Name", "KmsMasterKeyId",
                    "Attribute.1.Value", ALLOWED);
            assertEquals(ALLOWED, sqs.client.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.KMS_MASTER_KEY_ID)).attributesAsStrings().get("KmsMasterKeyId"));
        }

        @Test
        void anErrorRepeatingARefusedNameIsStillWellFormedXml() throws Exception {
            QueryCalls.Answer unknown = query.call("/", "Action", "SetQueueAttributes", "QueueUrl", url,
                    "Attribute.1.Name", "Colour\u0001", "Attribute.1.Value", "red");
            assertEquals("InvalidAttributeName", unknown.text("//q:Error/q:Code"));
            assertEquals("Unknown Attribute Colour\uFFFD.", unknown.text("//q:Error/q:Message"));

            QueryCalls.Answer batch = query.call("/", "Action", "SendMessageBatch", "QueueUrl", url,
                    "SendMessageBatchRequestEntry.1.Id", "bad", "SendMessageBatchRequestEntry.1.MessageBody", "x",
                    "SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "n\u0001",
                    "SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "String",
                    "SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "v");
            assertEquals(200, batch.status());
            assertEquals("Message attribute name 'n\uFFFD' is invalid.",
                    batch.text("//q:BatchResultErrorEntry[q:Id='bad']/q:Message"));
        }

        private Map<String, String> tagsByQuery() throws Exception {
            return query.call("/", "Action", "ListQueueTags", "QueueUrl", url)
                    .map("/q:ListQueueTagsResponse/q:ListQueueTagsResult/q:Tag", "q:Key", "q:Value");
        }

        private Map<String, String> attributesByQuery() throws Exception {
            return query.call("/", "Action", "GetQueueAttributes", "QueueUrl", url, "AttributeName.1", "All")
                    .map("//q:GetQueueAttributesResult/q:Attribute", "q:Name", "q:Value");
        }
    }
}
