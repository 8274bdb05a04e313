package dev.ekslifecycle.local.edge;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** A whole edge on a free port and a virtual clock, and SDK clients pointed at it without retries. */
final class EdgeFixture implements AutoCloseable {

    final SimulationClock clock = SimulationClock.virtual(Instant.parse("2026-11-25T10:00:00Z"));
    final LocalEdge edge;

    EdgeFixture(long seed) throws IOException {
        this(new FaultInjector(seed));
    }

    EdgeFixture(FaultInjector faults) throws IOException {
        edge = LocalEdge.start(0, clock, faults, Optional.empty());
    }

    <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder) {
        return builder.endpointOverride(URI.create(edge.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "key")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public void close() {
        edge.close();
        clock.shutdown();
    }
}
