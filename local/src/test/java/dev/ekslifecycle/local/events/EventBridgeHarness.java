package dev.ekslifecycle.local.events;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.lambda.AsyncInvocations;
import dev.ekslifecycle.local.lambda.LambdaEndpoint;
import dev.ekslifecycle.local.lambda.LambdaFunctions;
import dev.ekslifecycle.local.sqs.SqsEndpoint;
import dev.ekslifecycle.local.sqs.SqsQueues;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A local EventBridge, Lambda and SQS on an HTTP port, on a virtual clock, with real SDK clients, a Lambda function
 * {@value #RECORDER} that records what it receives, and a state-machine starter that does the same.
 */
final class EventBridgeHarness implements AutoCloseable {

    static final String RECORDER = "recorder";
    static final String RECORDER_ARN = "arn:aws:lambda:us-east-1:000000000000:function:" + RECORDER;
    static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:lifecycle";
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    final SimulationClock clock;
    final FaultInjector faults = new FaultInjector(42);
    final LambdaFunctions functions = new LambdaFunctions();
    final AsyncInvocations asyncLambda;
    final SqsQueues queues;
    final EventBridge events;
    final HttpServerHost host;
    final EventBridgeClient client;
    final LambdaClient lambda;
    final SqsClient sqs;
    final List<String> lambdaInputs = new CopyOnWriteArrayList<>();
    final List<String> stateMachineInputs = new CopyOnWriteArrayList<>();

    EventBridgeHarness(SimulationClock clock) throws IOException {
        this.clock = clock;
        functions.register(RECORDER, payload -> {
            lambdaInputs.add(new String(payload, StandardCharsets.UTF_8));
            return "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        });
        queues = new SqsQueues(clock, "us-east-1", java.util.Optional.empty());
        asyncLambda = new AsyncInvocations(functions, clock, faults);
        asyncLambda.connectQueues(queues);
        events = new EventBridge(clock, asyncLambda);
        events.connectQueues(queues);
        events.connectStateMachines((arn, input) -> {
            if (!arn.equals(STATE_MACHINE_ARN)) {
                throw DeliveryFailure.fromServiceError("StateMachineDoesNotExist", 400,
                        "State Machine Does Not Exist: '" + arn + "'");
            }
            stateMachineInputs.add(input);
            return arn.replace(":stateMachine:", ":execution:") + ":run-" + stateMachineInputs.size();
        });
        host = HttpServerHost.start("test-edge", 0, clock)
                .add(new EventBridgeEndpoint(events, faults))
                .add(new LambdaEndpoint(functions, asyncLambda, clock, faults))
                .add(new SqsEndpoint(queues, faults));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));
        client = EventBridgeClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        lambda = LambdaClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static EventBridgeHarness virtual() throws IOException {
        return new EventBridgeHarness(SimulationClock.virtual(START));
    }

    static EventBridgeHarness manualClock() throws IOException {
        return new EventBridgeHarness(VirtualClock.manual(START));
    }

    /** Waits until every delivery started so far has finished. */
    void settle() throws InterruptedException, TimeoutException {
        clock.awaitQuiescence(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        client.close();
        lambda.close();
        sqs.close();
        host.close();
        clock.shutdown();
    }
}
