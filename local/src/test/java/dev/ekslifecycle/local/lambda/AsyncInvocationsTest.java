package dev.ekslifecycle.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.sqs.SqsEndpoint;
import dev.ekslifecycle.local.sqs.SqsQueues;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Asynchronous invocations through the Lambda API on a virtual clock: Lambda's retry timing, the maximum event age,
 * and what reaches the failure destination and the dead-letter queue, read back with the SQS client.
 */
class AsyncInvocationsTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final String PAYLOAD = "{\"cluster\":\"prod\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulationClock clock;
    private LambdaFunctions functions;
    private HttpServerHost host;
    private LambdaClient lambda;
    private SqsClient sqs;
    private final List<Instant> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(Integer.MAX_VALUE);

    @BeforeEach
    void start() throws Exception {
        clock = SimulationClock.virtual(START);
        functions = new LambdaFunctions().register("reconcile", payload -> {
            attempts.add(clock.instant());
            if (failuresLeft.getAndDecrement() > 0) {
                throw new FunctionError("dev.ekslifecycle.errors.DependencyUnavailableException", "EKS is down");
            }
            return "{\"checked\":1}".getBytes(StandardCharsets.UTF_8);
        });
        FaultInjector faults = new FaultInjector(3);
        SqsQueues queues = new SqsQueues(clock, "us-east-1", Optional.empty());
        AsyncInvocations async = new AsyncInvocations(functions, clock, faults);
        async.connectQueues(queues);
        host = HttpServerHost.start("async-test", 0, clock)
                .add(new LambdaEndpoint(functions, async, clock, faults))
                .add(new SqsEndpoint(queues, faults));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"));
        lambda = LambdaClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        for (String queue : List.of("failures", "successes", "dead-letters")) {
            sqs.createQueue(r -> r.queueName(queue));
        }
    }

    @AfterEach
    void stop() {
        lambda.close();
        sqs.close();
        host.close();
        clock.shutdown();
    }

    private void configure(int retries, int maxAgeSeconds) {
        lambda.putFunctionEventInvokeConfig(r -> r.functionName("reconcile").maximumRetryAttempts(retries)
                .maximumEventAgeInSeconds(maxAgeSeconds).destinationConfig(d -> d
                        .onSuccess(o -> o.destination(queueArn("successes")))
                        .onFailure(o -> o.destination(queueArn("failures")))));
        // a dead-letter queue is function configuration (UpdateFunctionConfiguration), which is not emulated
        functions.setDeadLetterQueue("reconcile", queueArn("dead-letters"));
    }

    private String invokeAsync() throws Exception {
        InvokeResponse response = lambda.invoke(i -> i.functionName("reconcile")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String(PAYLOAD)));
        assertEquals(202, response.statusCode());
        String requestId = response.sdkHttpResponse().firstMatchingHeader("x-amzn-RequestId").orElseThrow();
        clock.awaitQuiescence(Duration.ofSeconds(10));
        return requestId;
    }

    @Test
    void anInProcessCallerWaitsTheInjectedLatencyAndGetsTheInjectedError() throws Exception {
        // EventBridge's deliveries and the Scheduler invoke in process, not over HTTP: the same rules apply to them
        List<Duration> waits = new CopyOnWriteArrayList<>();
        FaultInjector faults = new FaultInjector(1, waits::add);
        AsyncInvocations async = new AsyncInvocations(functions, clock, faults);
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        Duration latency = Duration.ofMillis(250);
        failuresLeft.set(0);

        faults.add(new FaultRule("lambda", "Invoke", "reconcile", null, 0, null, 1.0, 1, latency));
        async.invoke("reconcile", payload);
        clock.awaitQuiescence(Duration.ofSeconds(10));
        assertEquals(List.of(latency), waits, "the caller waited the latency");
        assertEquals(1, attempts.size(), "then the event was delivered");

        faults.add(new FaultRule("lambda", "Invoke", "reconcile", "TooManyRequestsException", 429, null, 1.0, 1,
                latency));
        InvokeRejected refused = assertThrows(InvokeRejected.class, () -> async.invoke("reconcile", payload));
        assertEquals("TooManyRequestsException", refused.errorCode());
        assertEquals(429, refused.status());
        assertEquals(List.of(latency, latency), waits, "the error came after its latency");
        clock.awaitQuiescence(Duration.ofSeconds(10));
        assertEquals(1, attempts.size(), "a refused event is not delivered");
    }

    @Test
    void aFailingEventIsRetriedTwiceAfterOneAndTwoMinutesThenRecorded() throws Exception {
        configure(2, 21_600);
        String requestId = invokeAsync();

        assertEquals(List.of(START, START.plusSeconds(60), START.plusSeconds(180)), attempts);
        JsonNode record = JSON.readTree(single("failures").body());
        assertEquals("1.0", record.path("version").asText());
        assertEquals(START.plusSeconds(180).toString(), record.path("timestamp").asText());
        assertEquals(requestId, record.path("requestContext").path("requestId").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:reconcile:$LATEST",
                record.path("requestContext").path("functionArn").asText());
        assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
        assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals(JSON.readTree(PAYLOAD), record.path("requestPayload"));
        assertEquals(200, record.path("responseContext").path("statusCode").asInt());
        assertEquals("Unhandled", record.path("responseContext").path("functionError").asText());
        assertEquals("EKS is down", record.path("responsePayload").path("errorMessage").asText());
        assertEquals("dev.ekslifecycle.errors.DependencyUnavailableException",
                record.path("responsePayload").path("errorType").asText());

        Message deadLetter = single("dead-letters");
        assertEquals(PAYLOAD, deadLetter.body(), "a dead letter is the event itself");
        assertEquals(requestId, deadLetter.messageAttributes().get("RequestID").stringValue());
        assertEquals("200", deadLetter.messageAttributes().get("ErrorCode").stringValue());
        assertEquals("Number", deadLetter.messageAttributes().get("ErrorCode").dataType());
        assertEquals("EKS is down", deadLetter.messageAttributes().get("ErrorMessage").stringValue());
        assertTrue(messages("successes").isEmpty());
    }

    @Test
    void anEventOlderThanItsMaximumAgeIsNotTriedAgain() throws Exception {
        configure(2, 90);
        invokeAsync();

        assertEquals(List.of(START, START.plusSeconds(60)), attempts, "the second retry would be 180 s old");
        JsonNode record = JSON.readTree(single("failures").body());
        assertEquals("EventAgeExceeded", record.path("requestContext").path("condition").asText());
        assertEquals(2, record.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals(1, messages("dead-letters").size());
    }

    @Test
    void noRetriesMeansOneAttempt() throws Exception {
        configure(0, 21_600);
        invokeAsync();
        assertEquals(List.of(START), attempts);
        assertEquals(1, JSON.readTree(single("failures").body()).path("requestContext")
                .path("approximateInvokeCount").asInt());
    }

    @Test
    void anEventThatSucceedsOnARetryGoesToTheSuccessDestinationOnly() throws Exception {
        configure(2, 21_600);
        failuresLeft.set(1);
        invokeAsync();
        assertEquals(List.of(START, START.plusSeconds(60)), attempts);
        JsonNode record = JSON.readTree(single("successes").body());
        assertEquals("Success", record.path("requestContext").path("condition").asText());
        assertEquals(2, record.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals(1, record.path("responsePayload").path("checked").asInt());
        assertFalse(record.path("responseContext").has("functionError"));
        assertTrue(messages("failures").isEmpty());
        assertTrue(messages("dead-letters").isEmpty());
    }

    @Test
    void withoutConfigurationLambdasDefaultsApplyAndNothingIsSent() throws Exception {
        invokeAsync();
        assertEquals(List.of(START, START.plusSeconds(60), START.plusSeconds(180)), attempts);
        assertTrue(messages("failures").isEmpty());
        assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(i -> i.functionName("missing")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}"))));
    }

    @Test
    void theEventInvokeConfigIsPutUpdatedReadAndDeletedThroughTheApi() {
        assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunctionEventInvokeConfig(r -> r.functionName("reconcile")));
        configure(1, 600);
        var updated = lambda.updateFunctionEventInvokeConfig(r -> r.functionName("reconcile")
                .maximumEventAgeInSeconds(120));
        assertEquals(1, updated.maximumRetryAttempts(), "an update keeps what it does not name");
        assertEquals(120, updated.maximumEventAgeInSeconds());
        var read = lambda.getFunctionEventInvokeConfig(r -> r.functionName("reconcile").qualifier("$LATEST"));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:reconcile:$LATEST", read.functionArn());
        assertEquals(queueArn("failures"), read.destinationConfig().onFailure().destination());
        assertEquals(START, read.lastModified());
        var replaced = lambda.putFunctionEventInvokeConfig(r -> r.functionName("reconcile"));
        assertEquals(2, replaced.maximumRetryAttempts(), "a put replaces: what it does not name is the default");
        assertEquals(queueArn("dead-letters"), lambda.getFunction(r -> r.functionName("reconcile")).configuration()
                .deadLetterConfig().targetArn());
        assertThrows(software.amazon.awssdk.services.lambda.model.InvalidParameterValueException.class,
                () -> lambda.putFunctionEventInvokeConfig(r -> r.functionName("reconcile").maximumRetryAttempts(3)));
        assertThrows(software.amazon.awssdk.services.lambda.model.InvalidParameterValueException.class,
                () -> lambda.putFunctionEventInvokeConfig(r -> r.functionName("reconcile").destinationConfig(
                        d -> d.onFailure(o -> o.destination("arn:aws:sns:us-east-1:000000000000:topic")))));
        lambda.deleteFunctionEventInvokeConfig(r -> r.functionName("reconcile"));
        assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunctionEventInvokeConfig(r -> r.functionName("reconcile")));
        assertThrows(ResourceNotFoundException.class,
                () -> lambda.putFunctionEventInvokeConfig(r -> r.functionName("missing")));
    }

    private Message single(String queue) {
        List<Message> got = messages(queue);
        assertEquals(1, got.size(), queue);
        return got.get(0);
    }

    private List<Message> messages(String queue) {
        return sqs.receiveMessage(r -> r.queueUrl(sqs.getQueueUrl(q -> q.queueName(queue)).queueUrl())
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
    }

    private static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:000000000000:" + name;
    }
}
