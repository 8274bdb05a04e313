package dev.ekslifecycle.local.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.eks.EksEmulator;
import dev.ekslifecycle.local.eks.EksSettings;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.eks.EksClient;

/** The compute state saved to a data directory and picked up by a new set of emulators, through the clients. */
class ComputePersistenceTest {

    @TempDir
    Path data;

    /** One life of the local cloud: emulators on a data directory behind a port. */
    private final class Life implements AutoCloseable {
        final VirtualClock clock;
        final ComputeEmulators compute;
        final HttpServerHost host;
        final AutoScalingClient autoScaling;

        Life(Instant start) throws Exception {
            clock = VirtualClock.manual(start);
            host = HttpServerHost.start("persistence-test", 0, clock);
            compute = new ComputeEmulators(clock, new FaultInjector(7), new CapturedEvents(), host::url, data);
            host.add(compute.ec2Endpoint()).add(compute.autoScalingEndpoint()).add(compute.kubernetesEndpoint());
            autoScaling = AutoScalingClient.builder().endpointOverride(URI.create(host.url()))
                    .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .build();
        }

        KubernetesClient kubernetes() {
            return new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                    .withMasterUrl(host.url() + "/k8s/prod").withOauthToken("k8s-aws-v1.x")
                    .withRequestRetryBackoffLimit(0).build()).build();
        }

        AutoScalingGroup group() {
            return autoScaling.describeAutoScalingGroups().autoScalingGroups().get(0);
        }

        /** Waits in real time for the saves that changes started (they run on the clock's pool). */
        void awaitSaves() throws InterruptedException {
            while (clock.isBusy()) {
                Thread.sleep(1);
            }
        }

        @Override
        public void close() {
            autoScaling.close();
            host.close();
            clock.shutdown();
        }
    }

    @Test
    void instancesGroupsAndNodesSurviveARestartAndUnfinishedBootsComplete() throws Exception {
        String group;
        Set<String> instanceIds;
        Instant stoppedAt;
        try (Life first = new Life(ComputeHarness.START)) {
            first.compute.kubernetes.open("prod", "1.31");
            List<String> subnets = first.compute.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                    .map(Ec2Subnet::subnetId).toList();
            group = first.compute.nodeGroups.create(new NodeGroupFleet.FleetSpec("prod", "workers", subnets,
                    List.of("m5.large"), "ON_DEMAND", "AL2023_x86_64_STANDARD", "1.31", "1.31.4-20250123",
                    Map.of("team", "a"), List.of(), 1, 5, 2), NodeGroupFleet.Outcome.ignored());
            first.clock.advance(Duration.ofMinutes(3));
            first.compute.nodeGroups.resize(group, 1, 5, 3);
            first.clock.advance(Duration.ofSeconds(5));
            first.awaitSaves();
            instanceIds = first.group().instances().stream().map(Instance::instanceId).collect(Collectors.toSet());
            assertEquals(3, instanceIds.size());
            stoppedAt = first.clock.instant();
        }
        assertTrue(Files.exists(data.resolve("compute-state.json")));

        try (Life second = new Life(stoppedAt); KubernetesClient k8s = second.kubernetes()) {
            AutoScalingGroup restored = second.group();
            assertEquals(group, restored.autoScalingGroupName());
            assertEquals(instanceIds, restored.instances().stream().map(Instance::instanceId)
                    .collect(Collectors.toSet()));
            assertEquals(2, k8s.nodes().withLabel("team", "a").list().getItems().size());
            assertTrue(k8s.getKubernetesVersion().getGitVersion().startsWith("v1.31."));

            second.clock.advance(Duration.ofMinutes(3));
            assertEquals(3, k8s.nodes().withLabel("team", "a").list().getItems().size(),
                    "the instance that was booting finished booting and joined");
            assertTrue(second.compute.nodeGroups.state(group).members().stream()
                    .allMatch(NodeGroupFleet.Member::nodeReady));
            assertEquals(instanceIds.size(), second.compute.ec2.instances("us-east-1").size(),
                    "no instance was launched twice");
        }
    }

    @Test
    void eksAndComputeRestartedTogetherKeepOneGroupPerNodegroup() throws Exception {
        Instant stoppedAt;
        try (Life first = new Life(Instant.parse("2025-06-01T00:00:00Z"));
             EksClient eks = eks(first)) {
            List<String> subnets = first.compute.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                    .map(Ec2Subnet::subnetId).toList();
            eks.createCluster(b -> b.name("prod").version("1.30").roleArn("arn:aws:iam::000000000000:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds(subnets)));
            first.clock.advance(Duration.ofMinutes(15));
            eks.createNodegroup(b -> b.clusterName("prod").nodegroupName("workers")
                    .nodeRole("arn:aws:iam::000000000000:role/node").subnets(subnets)
                    .scalingConfig(s -> s.minSize(1).maxSize(4).desiredSize(2)));
            first.clock.advance(Duration.ofSeconds(30));
            first.awaitSaves();
            stoppedAt = first.clock.instant();
        }
        try (Life second = new Life(stoppedAt); EksClient eks = eks(second);
             KubernetesClient k8s = second.kubernetes()) {
            second.clock.advance(Duration.ofMinutes(10));
            var nodegroup = eks.describeNodegroup(b -> b.clusterName("prod").nodegroupName("workers")).nodegroup();
            assertEquals("ACTIVE", nodegroup.statusAsString());
            assertEquals(1, second.autoScaling.describeAutoScalingGroups().autoScalingGroups().size());
            assertEquals(second.group().autoScalingGroupName(), nodegroup.resources().autoScalingGroups().get(0)
                    .name());
            assertEquals(2, second.compute.ec2.instances("us-east-1").size(), "nothing launched twice");
            assertEquals(2, k8s.nodes().list().getItems().size());
        }
    }

    /** The EKS emulator on the same data directory and port, as the local cloud wires it. */
    private EksClient eks(Life life) {
        EksEmulator emulator = new EksEmulator(life.clock, new FaultInjector(5), life.compute.ec2,
                life.compute.nodeGroups, life.compute.kubernetes, EksSettings.defaults().withDataDirectory(data));
        life.host.add(emulator.apiEndpoint());
        return EksClient.builder().endpointOverride(URI.create(life.host.url())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void withoutADataDirectoryNothingIsWritten() throws Exception {
        VirtualClock clock = VirtualClock.manual(ComputeHarness.START);
        ComputeEmulators compute = new ComputeEmulators(clock, new FaultInjector(1), new CapturedEvents(),
                () -> "http://127.0.0.1:1", null);
        compute.kubernetes.open("prod", "1.31");
        compute.save();
        clock.shutdown();
        try (var files = Files.list(data)) {
            assertEquals(0, files.count());
        }
    }
}
