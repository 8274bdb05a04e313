package dev.ekslifecycle.local.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.local.lambda.FunctionError;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The {@link TestTemplate} deployed onto a real edge on a manual virtual clock: the schedule and the rule deliver to their functions with their RetryPolicy and DeadLetterConfig, and Lambda handles
 * the functions' failures with their EventInvokeConfig and DeadLetterQueue; everything is read back from the
 * template's SQS queue. The functions' code is replaced by stand-ins after the deployment.
 */
class AsyncTemplateTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private VirtualClock clock;
    private LocalEdge edge;
    private StackDeployment.Deployed deployed;
    private SqsClient sqs;
    private String deadLetters;
    private final List<Instant> reconcileRuns = new CopyOnWriteArrayList<>();
    private final List<Instant> healthRuns = new CopyOnWriteArrayList<>();

    @BeforeEach
    void deploy(@TempDir Path dir) throws Exception {
        clock = VirtualClock.manual(START);
        edge = LocalEdge.start(0, clock, new FaultInjector(5), Optional.empty());
        deployed = TestTemplate.deploy(dir, edge);
        edge.functions().register("t-Reconcile", payload -> {
            reconcileRuns.add(clock.instant());
            throw new FunctionError("dev.ekslifecycle.errors.DependencyUnavailableException", "EKS is down");
        });
        edge.functions().register("t-HealthSignals", payload -> {
            healthRuns.add(clock.instant());
            throw new FunctionError("java.lang.IllegalStateException", "no such node group");
        });
        sqs = SqsClient.builder().endpointOverride(URI.create(edge.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        deadLetters = sqs.getQueueUrl(r -> r.queueName("t-DeadLetters")).queueUrl();
    }

    @AfterEach
    void stop() {
        sqs.close();
        deployed.functions().close();
        edge.close();
        clock.shutdown();
    }

    @Test
    void theFunctionsAsyncSettingsAreReadableThroughTheLambdaApi() {
        try (LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(edge.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            var reconcile = lambda.getFunctionEventInvokeConfig(r -> r.functionName("t-Reconcile"));
            assertEquals(1, reconcile.maximumRetryAttempts());
            assertEquals(900, reconcile.maximumEventAgeInSeconds());
            assertEquals("arn:aws:sqs:us-east-1:000000000000:t-DeadLetters",
                    reconcile.destinationConfig().onFailure().destination());
            assertEquals("arn:aws:sqs:us-east-1:000000000000:t-DeadLetters", lambda.getFunction(
                    r -> r.functionName("t-HealthSignals")).configuration().deadLetterConfig().targetArn());
        }
    }

    @Test
    void deadLetterQueuesOfTypeSqsAreCreatedAsSamCreatesThem() {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(edge.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (var rule : Map.of("t-ReconcileHourly", "t-ReconcileHourlyQueue",
                    "t-HealthSignalsNightly", "t-NightlyDeadLetters").entrySet()) {
                assertEquals("https://sqs.us-east-1.amazonaws.com/000000000000/" + rule.getValue(),
                        sqs.getQueueUrl(r -> r.queueName(rule.getValue())).queueUrl());
                assertEquals("arn:aws:sqs:us-east-1:000000000000:" + rule.getValue(), events.listTargetsByRule(
                        r -> r.rule(rule.getKey())).targets().get(0).deadLetterConfig().arn());
            }
        }
    }

    @Test
    void theScheduledFunctionIsRetriedOnceThenItsRecordReachesTheQueue() throws Exception {
        clock.advance(Duration.ofMinutes(20));

        Instant fired = START.plus(Duration.ofMinutes(15));
        assertEquals(List.of(fired, fired.plusSeconds(60)), reconcileRuns, "MaximumRetryAttempts: 1");
        JsonNode record = JSON.readTree(only().body());
        assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
        assertEquals(2, record.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:t-Reconcile:live",
                record.path("requestContext").path("functionArn").asText(), "the schedule invokes the alias");
        assertEquals("Scheduled Event", record.path("requestPayload").path("detail-type").asText());
        assertEquals("EKS is down", record.path("responsePayload").path("errorMessage").asText());
    }

    @Test
    void aScheduleThatCannotInvokeItsFunctionDeadLettersTheScheduleInput() throws Exception {
        edge.faults().add(FaultRule.always("lambda", "Invoke", "TooManyRequestsException", 429));
        clock.advance(Duration.ofMinutes(16));

        assertTrue(reconcileRuns.isEmpty());
        Message dead = only();
        Map<String, MessageAttributeValue> a = dead.messageAttributes();
        assertEquals("arn:aws:scheduler:us-east-1:000000000000:schedule/default/t-ReconcileCheck",
                a.get("SCHEDULE_ARN").stringValue());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:t-Reconcile:live",
                a.get("TARGET_ARN").stringValue());
        assertEquals("THROTTLING", a.get("ERROR_CODE").stringValue());
        assertEquals("MaximumRetryAttempts", a.get("EXHAUSTED_RETRY_CONDITION").stringValue());
        assertEquals("3", a.get("RETRY_ATTEMPTS").stringValue());
        assertFalse(a.containsKey("RULE_ARN"));
        assertEquals("Scheduled Event", JSON.readTree(dead.body()).path("detail-type").asText());
    }

    @Test
    void theRulesFunctionFailsOnceAndLambdaSendsBothItsRecordAndItsDeadLetter() throws Exception {
        edge.events().publish("default", "aws.ec2", "EC2 Instance State-change Notification",
                "{\"instance-id\":\"i-1\",\"state\":\"terminated\"}", List.of());
        settle();
        clock.advance(Duration.ofMinutes(5));

        assertEquals(List.of(START), healthRuns, "MaximumRetryAttempts: 0");
        List<Message> messages = all();
        assertEquals(2, messages.size());
        Message record = messages.stream().filter(m -> m.messageAttributes().isEmpty()).findFirst().orElseThrow();
        Message deadLetter = messages.stream().filter(m -> !m.messageAttributes().isEmpty()).findFirst().orElseThrow();
        JsonNode recorded = JSON.readTree(record.body());
        assertEquals(1, recorded.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals("terminated", recorded.path("requestPayload").path("detail").path("state").asText());
        assertEquals(recorded.path("requestPayload"), JSON.readTree(deadLetter.body()));
        assertEquals(recorded.path("requestContext").path("requestId").asText(),
                deadLetter.messageAttributes().get("RequestID").stringValue());
        assertEquals("no such node group", deadLetter.messageAttributes().get("ErrorMessage").stringValue());
    }

    @Test
    void aRuleThatCannotInvokeItsFunctionDeadLettersTheEvent() throws Exception {
        edge.faults().add(FaultRule.always("lambda", "Invoke", "TooManyRequestsException", 429));
        edge.events().publish("default", "aws.ec2", "EC2 Instance State-change Notification",
                "{\"instance-id\":\"i-1\",\"state\":\"stopped\"}", List.of());
        settle();
        clock.advance(Duration.ofMinutes(1));

        Message dead = only();
        assertEquals("arn:aws:events:us-east-1:000000000000:rule/t-node-health",
                dead.messageAttributes().get("RULE_ARN").stringValue());
        assertEquals("4", dead.messageAttributes().get("RETRY_ATTEMPTS").stringValue());
        assertEquals("stopped", JSON.readTree(dead.body()).path("detail").path("state").asText());
        assertTrue(healthRuns.isEmpty());
    }

    /** Lets the deliveries the event started run before time moves. */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (clock.isBusy() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private Message only() {
        List<Message> messages = all();
        assertEquals(1, messages.size(), messages.toString());
        return messages.get(0);
    }

    private List<Message> all() {
        return sqs.receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
    }
}
