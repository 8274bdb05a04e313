package dev.ekslifecycle.workflow;

import dev.ekslifecycle.aws.AwsClientSettings;
import dev.ekslifecycle.aws.AwsClients;
import dev.ekslifecycle.domain.ClusterSpec;
import dev.ekslifecycle.domain.json.ClusterSpecJson;
import dev.ekslifecycle.eks.ManagedTags;
import dev.ekslifecycle.eks.sdk.SdkEksGateway;
import dev.ekslifecycle.events.sdk.EventBridgePublisher;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.edge.LocalEdge;
import dev.ekslifecycle.local.events.EventLog;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.store.IdSource;
import dev.ekslifecycle.store.dynamodb.DynamoDbStateStore;
import dev.ekslifecycle.store.dynamodb.TemplateStateTable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The local cloud's edge (EKS over the compute emulators, EC2, EventBridge, DynamoDB) in this JVM on a manual
 * virtual clock, with the production adapters reaching it over HTTP through clients built the production way (EKS's
 * and EC2's without SDK retries), and
 * a state table created from template.yaml. Lifecycle events go to the default bus, whose log the tests read.
 */
final class LocalAws implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    private static final String ROLE = "arn:aws:iam::000000000000:role/";

    final VirtualClock clock = VirtualClock.manual(START);
    final FaultInjector faults = new FaultInjector(7);
    final LocalEdge edge;
    final EksClient eks;
    final Ec2Client ec2;
    final EventBridgeClient events;
    final DynamoDbClient dynamo;
    final DynamoDbStateStore store;
    final SdkEksGateway eksGateway;
    final EventBridgePublisher publisher;
    private final AtomicInteger ids = new AtomicInteger();

    LocalAws() throws IOException {
        edge = LocalEdge.start(0, clock, faults, Optional.empty());
        AwsClientSettings settings = new AwsClientSettings(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(URI.create(edge.url())));
        // The SDK's own retries would back off for seconds of real time before a throttled call surfaces.
        eks = AwsClients.build(EksClient.builder()
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())), settings);
        ec2 = AwsClients.build(Ec2Client.builder()
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())), settings);
        events = AwsClients.build(EventBridgeClient.builder(), settings);
        dynamo = AwsClients.build(DynamoDbClient.builder(), settings);
        TemplateStateTable.create(dynamo, "state");
        IdSource sequential = () -> "op-" + ids.incrementAndGet();
        store = new DynamoDbStateStore(dynamo, "state", clock, sequential);
        eksGateway = new SdkEksGateway(eks);
        publisher = new EventBridgePublisher(events, "default");
    }

    /** Private subnets of the emulated default VPC. */
    List<String> subnets() {
        return ec2.describeSubnets().subnets().stream().filter(s -> !Boolean.TRUE.equals(s.mapPublicIpOnLaunch()))
                .map(s -> s.subnetId()).toList();
    }

    /**
     * A cluster of ours, ACTIVE in EKS with one node group of {@code nodes}, and recorded in the state table as EKS
     * reports it (as the create workflow leaves it).
     */
    void managedCluster(String name, String nodegroup, int nodes) {
        List<String> subnets = subnets();
        eks.createCluster(b -> b.name(name).version("1.34").roleArn(ROLE + "eks-cluster")
                .resourcesVpcConfig(v -> v.subnetIds(subnets)).tags(ManagedTags.withMarker(java.util.Map.of())));
        clock.advance(Duration.ofMinutes(15));
        eks.createNodegroup(b -> b.clusterName(name).nodegroupName(nodegroup).nodeRole(ROLE + "eks-node")
                .subnets(subnets).scalingConfig(s -> s.minSize(1).maxSize(10).desiredSize(nodes)));
        clock.advance(Duration.ofMinutes(15));
        ClusterSpec spec = ClusterSpecJson.read("""
                {"name": "%s", "version": "1.34", "roleArn": "%seks-cluster", "subnetIds": ["%s", "%s"]}"""
                .formatted(name, ROLE, subnets.get(0), subnets.get(1)));
        store.clusters().create(spec);
        new ObservedStateRecorder(store.clusters(), eksGateway).recordFromEks(name);
    }

    /** The lifecycle events of one detail-type that reached the default bus, oldest first. */
    List<EventLog.LoggedEvent> published(String detailType) {
        return edge.events().log().events(e -> e.detailType().equals(detailType));
    }

    @Override
    public void close() {
        eks.close();
        ec2.close();
        events.close();
        dynamo.close();
        edge.close();
        clock.shutdown();
    }
}
