package dev.ekslifecycle.local.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.eks.EksEmulator;
import dev.ekslifecycle.local.eks.EksSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.Update;

/**
 * The EKS emulator over the real compute emulators, through the EKS SDK and fabric8: a node group's Auto Scaling
 * group, its nodes in the cluster's API, and a version update rolled node by node, or failed by a budget.
 */
class EksOverComputeTest {

    private final ComputeHarness h = new ComputeHarness(Instant.parse("2025-06-01T00:00:00Z"));
    private final EksEmulator emulator = new EksEmulator(h.clock, h.faults, h.ec2, h.nodeGroups, h.kubernetes,
            EksSettings.defaults());
    private final EksClient eks;
    private final List<String> subnets;

    EksOverComputeTest() throws Exception {
        h.host.add(emulator.apiEndpoint());
        eks = EksClient.builder().endpointOverride(URI.create(h.host.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        subnets = h.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet()).map(Ec2Subnet::subnetId)
                .toList();
    }

    @AfterEach
    void close() {
        eks.close();
        h.close();
    }

    private KubernetesClient activeClusterWithNodes(int nodes) {
        eks.createCluster(b -> b.name("prod").version("1.30").roleArn("arn:aws:iam::000000000000:role/eks")
                .resourcesVpcConfig(v -> v.subnetIds(subnets)));
        h.clock.advance(Duration.ofMinutes(15));
        eks.createNodegroup(b -> b.clusterName("prod").nodegroupName("workers")
                .nodeRole("arn:aws:iam::000000000000:role/node").subnets(subnets)
                .scalingConfig(s -> s.minSize(1).maxSize(6).desiredSize(nodes)));
        h.clock.advance(Duration.ofMinutes(5));
        return h.kubernetesClient(eks.describeCluster(b -> b.name("prod")).cluster().endpoint());
    }

    private Nodegroup nodegroup() {
        return eks.describeNodegroup(b -> b.clusterName("prod").nodegroupName("workers")).nodegroup();
    }

    private Update upgradeNodegroup() {
        eks.updateClusterVersion(b -> b.name("prod").version("1.31"));
        h.clock.advance(Duration.ofMinutes(15));
        return eks.updateNodegroupVersion(b -> b.clusterName("prod").nodegroupName("workers")).update();
    }

    private Update describe(Update u) {
        return eks.describeUpdate(b -> b.name("prod").nodegroupName("workers").updateId(u.id())).update();
    }

    @Test
    void aNodegroupIsAnAutoScalingGroupWhoseInstancesAreTheClustersNodes() {
        try (KubernetesClient k8s = activeClusterWithNodes(3)) {
            Nodegroup ng = nodegroup();
            assertEquals("ACTIVE", ng.statusAsString());
            String group = ng.resources().autoScalingGroups().get(0).name();
            var asg = h.autoScalingClient.describeAutoScalingGroups(b -> b.autoScalingGroupNames(group))
                    .autoScalingGroups().get(0);
            assertEquals(3, asg.instances().size());
            assertEquals(3, k8s.nodes().withLabel("eks.amazonaws.com/nodegroup", "workers").list().getItems()
                    .size());
            assertTrue(k8s.getKubernetesVersion().getGitVersion().startsWith("v1.30."));
        }
    }

    @Test
    void aVersionUpdateRollsEveryNode() {
        try (KubernetesClient k8s = activeClusterWithNodes(2)) {
            Update update = upgradeNodegroup();
            h.clock.advance(Duration.ofMinutes(1));
            assertEquals("InProgress", describe(update).statusAsString());
            h.clock.advance(Duration.ofHours(1));
            assertEquals("Successful", describe(update).statusAsString());
            assertEquals("1.31", nodegroup().version());
            Set<String> kubelets = k8s.nodes().list().getItems().stream()
                    .map(n -> n.getStatus().getNodeInfo().getKubeletVersion().substring(0, 5))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("v1.31"), kubelets);
            assertEquals(2, k8s.nodes().list().getItems().size());
        }
    }

    @Test
    void aBudgetThatBlocksEvictionFailsTheUpdateWithPodEvictionFailure() {
        try (KubernetesClient k8s = activeClusterWithNodes(2)) {
            h.clock.advance(Duration.ofSeconds(10));
            Pod web = k8s.pods().inNamespace("default").list().getItems().get(0);
            h.kubernetes.store("prod").blockEvictionOf("default", web.getMetadata().getName());
            Update update = upgradeNodegroup();
            h.clock.advance(Duration.ofHours(1));
            Update failed = describe(update);
            assertEquals("Failed", failed.statusAsString());
            assertEquals("PodEvictionFailure", failed.errors().get(0).errorCodeAsString());
            assertEquals(List.of(web.getSpec().getNodeName()), failed.errors().get(0).resourceIds());
        }
    }
}
