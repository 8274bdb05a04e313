package dev.ekslifecycle.local.eks;

import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CreateClusterRequest;

/**
 * The EKS emulator on a free port with fake compute behind it, a virtual clock and a real SDK client. Start
 * time 2025-06-01: 1.28 is in extended support, 1.29-1.33 are offered, 1.34 is not released yet.
 */
final class EksHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    final VirtualClock clock;
    final FaultInjector faults = new FaultInjector(42);
    final FakeSubnets subnets = new FakeSubnets();
    final FakeFleet fleet;
    final FakeApiServers apiServers = new FakeApiServers();
    final EksEmulator emulator;
    final HttpServerHost host;
    final EksClient eks;

    private EksHarness(VirtualClock clock, EksSettings settings) throws IOException {
        this.clock = clock;
        this.fleet = new FakeFleet(clock);
        this.emulator = new EksEmulator(clock, faults, subnets, fleet, apiServers, settings);
        this.host = HttpServerHost.start("eks-test", 0, clock).add(emulator.controlEndpoint())
                .add(emulator.apiEndpoint());
        this.eks = client(host.url());
    }

    /** Time moves only when the test advances it. */
    static EksHarness manual() throws IOException {
        return manual(EksSettings.defaults());
    }

    static EksHarness manual(EksSettings settings) throws IOException {
        return manual(settings, T0);
    }

    static EksHarness manual(EksSettings settings, Instant start) throws IOException {
        return new EksHarness(VirtualClock.manual(start), settings);
    }

    /** Time jumps to the next transition whenever nothing is running. */
    static EksHarness autoAdvancing(EksSettings settings) throws IOException {
        return new EksHarness(SimulationClock.virtual(T0), settings);
    }

    static EksClient client(String url) {
        return EksClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A valid CreateCluster for {@code name}: two zones, version 1.30. */
    static CreateClusterRequest.Builder cluster(String name) {
        return CreateClusterRequest.builder().name(name).version("1.30")
                .roleArn("arn:aws:iam::000000000000:role/eks-cluster")
                .resourcesVpcConfig(v -> v.subnetIds(FakeSubnets.A, FakeSubnets.B));
    }

    /** Creates a cluster and lets it become ACTIVE (manual clock: advances 12 minutes). */
    void activeCluster(String name, String version) {
        eks.createCluster(cluster(name).version(version).build());
        clock.advance(Duration.ofMinutes(12));
    }

    /** A node group of {@code desired} nodes, ACTIVE (manual clock: advances 4 minutes). */
    void activeNodegroup(String cluster, String name, int desired) {
        eks.createNodegroup(b -> b.clusterName(cluster).nodegroupName(name)
                .nodeRole("arn:aws:iam::000000000000:role/node")
                .subnets(FakeSubnets.A, FakeSubnets.B)
                .scalingConfig(s -> s.minSize(1).maxSize(10).desiredSize(desired)));
        clock.advance(Duration.ofMinutes(4));
    }

    void awaitIdle() throws InterruptedException, TimeoutException {
        clock.awaitQuiescence(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        eks.close();
        host.close();
        clock.shutdown();
    }
}
