package dev.ekslifecycle.local.lambda;

import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One start of the whole edge on a data directory, on a manual virtual clock that starts where the test says (so
 * the time between two starts is the downtime), with SDK clients: a test stops it and starts another on the same
 * directory, as {@code local-cloud.jar up} is stopped and started.
 */
public final class EdgeStart implements AutoCloseable {

    public final VirtualClock clock;
    public final LocalEdge edge;
    public final LambdaClient lambda;
    public final SqsClient sqs;
    public final EventBridgeClient events;

    public EdgeStart(Path dataDir, Instant start) throws IOException {
        clock = VirtualClock.manual(start);
        try {
            edge = LocalEdge.start(0, clock, new FaultInjector(7), Optional.of(dataDir));
        } catch (IOException | RuntimeException e) {
            clock.shutdown();
            throw e;
        }
        lambda = client(LambdaClient.builder());
        sqs = client(SqsClient.builder());
        events = client(EventBridgeClient.builder());
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(URI.create(edge.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "key")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * Waits (in real time, up to 10 s) until the work already started has finished: the manual clock does not
     * move, so the retries it schedules stay pending.
     */
    public void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (clock.isBusy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the edge is still busy after 10 s");
            }
            Thread.sleep(1);
        }
    }

    /** Moves the clock, running what falls due on the way and waiting for it. */
    public void advance(Duration duration) throws InterruptedException {
        awaitIdle();
        clock.advance(duration);
        awaitIdle();
    }

    /** Every message in the queue, with its attributes; received, so not visible again for 30 s. */
    public List<Message> messages(String queue) {
        String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        return sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All"))
                .messages();
    }

    public static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:000000000000:" + name;
    }

    @Override
    public void close() {
        lambda.close();
        sqs.close();
        events.close();
        edge.close();
        clock.shutdown();
    }
}
