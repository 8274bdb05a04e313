package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.autoscaling.AutoScalingService;
import dev.ekslifecycle.local.autoscaling.FleetTimings;
import dev.ekslifecycle.local.autoscaling.ManagedNodeGroups;
import dev.ekslifecycle.local.clock.SimulationClock;
import dev.ekslifecycle.local.clock.VirtualClock;
import dev.ekslifecycle.local.ec2.Ec2Inventory;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.ec2.InstanceTimings;
import dev.ekslifecycle.local.events.EventPublisher;
import dev.ekslifecycle.local.faults.FaultInjector;
import dev.ekslifecycle.local.http.HttpServerHost;
import dev.ekslifecycle.local.kubernetes.KubernetesClusters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** The EKS emulator over the real compute emulators (EC2, Auto Scaling, managed node groups, Kubernetes API). */
class EksOnComputeEmulatorsTest {

    private VirtualClock clock;
    private HttpServerHost host;
    private ManagedNodeGroups fleet;
    private EksClient eks;
    private List<String> privateSubnets;
    private String publicSubnet;

    @BeforeEach
    void start() throws Exception {
        clock = SimulationClock.virtual(EksHarness.T0);
        EventPublisher noEvents = (bus, source, detailType, detail, resources) -> { };
        Ec2Inventory ec2 = new Ec2Inventory(clock, noEvents, InstanceTimings.realistic());
        host = HttpServerHost.start("eks-compute-test", 0, clock);
        KubernetesClusters kubernetes = new KubernetesClusters(clock, host::url);
        fleet = new ManagedNodeGroups(new AutoScalingService(ec2, clock, noEvents), ec2, kubernetes, clock,
                FleetTimings.realistic());
        EksEmulator emulator = new EksEmulator(clock, new FaultInjector(7), ec2, fleet, kubernetes,
                EksSettings.defaults());
        host.add(emulator.apiEndpoint());
        eks = EksHarness.client(host.url());
        List<Ec2Subnet> subnets = ec2.subnets("us-east-1");
        privateSubnets = subnets.stream().filter(s -> !s.publicSubnet()).map(Ec2Subnet::subnetId).toList();
        publicSubnet = subnets.stream().filter(Ec2Subnet::publicSubnet).map(Ec2Subnet::subnetId)
                .findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        eks.close();
        host.close();
        clock.shutdown();
    }

    @Test
    void aClusterAndANodeGroupLiveAndUpgradeOnTheComputeEmulators() throws Exception {
        assertThrows(InvalidParameterException.class, () -> eks.createCluster(EksHarness.cluster("x")
                .resourcesVpcConfig(v -> v.subnetIds(privateSubnets.get(0))).build()), "one zone is not enough");
        eks.createCluster(EksHarness.cluster("real").resourcesVpcConfig(v -> v.subnetIds(privateSubnets)).build());
        clock.awaitQuiescence(Duration.ofSeconds(20));
        var cluster = eks.describeCluster(b -> b.name("real")).cluster();
        assertEquals(ClusterStatus.ACTIVE, cluster.status());
        assertTrue(cluster.endpoint().startsWith(host.url()), cluster.endpoint());
        assertTrue(cluster.resourcesVpcConfig().vpcId().startsWith("vpc-"));

        eks.createNodegroup(b -> b.clusterName("real").nodegroupName("workers")
                .nodeRole("arn:aws:iam::000000000000:role/node").subnets(privateSubnets)
                .scalingConfig(s -> s.minSize(1).maxSize(4).desiredSize(3)));
        clock.awaitQuiescence(Duration.ofSeconds(20));
        var ng = eks.describeNodegroup(b -> b.clusterName("real").nodegroupName("workers")).nodegroup();
        assertEquals(NodegroupStatus.ACTIVE, ng.status());
        String group = ng.resources().autoScalingGroups().get(0).name();
        assertEquals(3, fleet.state(group).members().stream().filter(m -> m.nodeReady()).count());

        eks.updateClusterVersion(b -> b.name("real").version("1.31"));
        clock.awaitQuiescence(Duration.ofSeconds(20));
        String roll = eks.updateNodegroupVersion(b -> b.clusterName("real").nodegroupName("workers")).update().id();
        clock.awaitQuiescence(Duration.ofSeconds(30));
        assertEquals(UpdateStatus.SUCCESSFUL, eks.describeUpdate(b -> b.name("real").nodegroupName("workers")
                .updateId(roll)).update().status());
        assertTrue(fleet.state(group).members().stream().filter(m -> m.nodeReady())
                .allMatch(m -> m.kubeletVersion().startsWith("v1.31")), fleet.state(group).toString());

        assertThrows(InvalidParameterException.class, () -> eks.createFargateProfile(b -> b.clusterName("real")
                .fargateProfileName("fp").podExecutionRoleArn("arn:aws:iam::000000000000:role/pods")
                .subnets(publicSubnet).selectors(s -> s.namespace("batch"))), "EC2's public subnets are public");
    }

    @Test
    void deletingANodeGroupRemovesItsAutoScalingGroup() throws Exception {
        eks.createCluster(EksHarness.cluster("gone").resourcesVpcConfig(v -> v.subnetIds(privateSubnets)).build());
        clock.awaitQuiescence(Duration.ofSeconds(20));
        eks.createNodegroup(b -> b.clusterName("gone").nodegroupName("ng")
                .nodeRole("arn:aws:iam::000000000000:role/node").subnets(privateSubnets)
                .scalingConfig(s -> s.minSize(1).maxSize(2).desiredSize(2)));
        clock.awaitQuiescence(Duration.ofSeconds(20));
        String group = eks.describeNodegroup(b -> b.clusterName("gone").nodegroupName("ng")).nodegroup()
                .resources().autoScalingGroups().get(0).name();

        eks.deleteNodegroup(b -> b.clusterName("gone").nodegroupName("ng"));
        clock.awaitQuiescence(Duration.ofSeconds(20));
        assertThrows(ResourceNotFoundException.class,
                () -> eks.describeNodegroup(b -> b.clusterName("gone").nodegroupName("ng")));
        assertThrows(IllegalArgumentException.class, () -> fleet.state(group));
        eks.deleteCluster(b -> b.name("gone"));
        clock.awaitQuiescence(Duration.ofSeconds(20));
        assertThrows(ResourceNotFoundException.class, () -> eks.describeCluster(b -> b.name("gone")));
    }
}
