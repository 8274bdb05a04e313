package dev.ekslifecycle.local.sqs;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The local SQS on an HTTP port with a real SDK client. */
final class SqsHarness implements AutoCloseable {

    final SimulationClock clock;
    final SqsQueues queues;
    final FaultInjector faults = new FaultInjector(7);
    final HttpServerHost host;
    final SqsClient client;

    SqsHarness(SimulationClock clock, Optional<Path> dataDir) throws IOException {
        this.clock = clock;
        this.queues = new SqsQueues(clock, "us-east-1", dataDir);
        this.host = HttpServerHost.start("sqs-test", 0, clock).add(new SqsEndpoint(queues, faults));
        this.client = SqsClient.builder().endpointOverride(URI.create(host.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSQS", "s")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        client.close();
        host.close();
    }
}
