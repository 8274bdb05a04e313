package dev.ekslifecycle.local.autoscaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.compute.ComputeHarness;
import dev.ekslifecycle.local.compute.RecordedOutcome;
import dev.ekslifecycle.local.ec2.Ec2Subnet;
import dev.ekslifecycle.local.eks.NodeGroupFleet;
import dev.ekslifecycle.local.eks.NodeGroupFleet.FleetState;
import dev.ekslifecycle.local.eks.NodeGroupFleet.Member;
import dev.ekslifecycle.local.eks.NodeGroupFleet.RollRequest;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NodeGroupFleet contract end to end: EC2 instances, Auto Scaling, nodes and pods seen through fabric8. */
class ManagedNodeGroupsTest {

    private final ComputeHarness h = new ComputeHarness();
    private final KubernetesClient k8s = h.kubernetesClient(h.kubernetes.open("prod", "1.32"));
    private final AtomicInteger mostCounted = new AtomicInteger();

    ManagedNodeGroupsTest() throws Exception {
        h.autoScaling.addListener((group, member) -> mostCounted.accumulateAndGet(
                (int) h.autoScaling.members(group.name()).stream().filter(m -> m.lifecycleState().counted()).count(),
                Math::max));
    }

    @AfterEach
    void close() {
        k8s.close();
        h.close();
    }

    private String create(int desired, RecordedOutcome whenReady) {
        List<String> subnets = h.ec2.subnets("us-east-1").stream().filter(s -> !s.publicSubnet())
                .map(Ec2Subnet::subnetId).toList();
        return h.nodeGroups.create(new NodeGroupFleet.FleetSpec("prod", "workers", subnets, List.of("m5.large"),
                "ON_DEMAND", "AL2023_x86_64_STANDARD", "1.31", "1.31.4-20250123", Map.of(), List.of(),
                1, 6, desired), whenReady);
    }

    private String readyGroup(int desired) {
        RecordedOutcome ready = new RecordedOutcome();
        String group = create(desired, ready);
        h.clock.advance(Duration.ofMinutes(3));
        assertEquals("succeeded", ready.result());
        mostCounted.set(desired);
        return group;
    }

    private static Set<String> kubeletMinors(FleetState state) {
        return state.members().stream().map(m -> m.kubeletVersion().substring(0, 5)).collect(Collectors.toSet());
    }

    @Test
    void createCompletesWhenEveryDesiredNodeIsReady() {
        RecordedOutcome ready = new RecordedOutcome();
        String group = create(2, ready);
        assertTrue(group.startsWith("eks-workers-"));
        h.clock.advance(Duration.ofSeconds(30));
        assertNull(ready.result(), "instances are running but their kubelets have not joined yet");
        assertTrue(h.nodeGroups.state(group).members().stream().allMatch(m -> m.lifecycleState().equals("InService")));
        h.clock.advance(Duration.ofSeconds(60));
        assertEquals("succeeded", ready.result());
        assertEquals(1, ready.calls());
        FleetState state = h.nodeGroups.state(group);
        assertEquals(2, state.desiredSize());
        assertTrue(state.members().stream().allMatch(Member::nodeReady));
        assertEquals(2, k8s.nodes().withLabel("eks.amazonaws.com/nodegroup", "workers").list().getItems().size());
    }

    @Test
    void askedAgainForTheSameNodegroupTheFleetReturnsItsGroup() {
        RecordedOutcome first = new RecordedOutcome();
        String group = create(2, first);
        h.clock.advance(Duration.ofSeconds(30));
        RecordedOutcome second = new RecordedOutcome();
        assertEquals(group, create(2, second));
        h.clock.advance(Duration.ofMinutes(2));
        assertEquals("succeeded", first.result());
        assertEquals("succeeded", second.result());
        assertEquals(2, h.ec2.instances("us-east-1").size());
        assertEquals(1, h.autoScalingClient.describeAutoScalingGroups().autoScalingGroups().size());
    }

    @Test
    void resizeLaunchesAndRemovesNodes() {
        String group = readyGroup(2);
        h.nodeGroups.resize(group, 1, 6, 4);
        h.clock.advance(Duration.ofMinutes(3));
        assertEquals(4, k8s.nodes().list().getItems().size());
        h.nodeGroups.resize(group, 1, 6, 1);
        assertEquals(1, k8s.nodes().list().getItems().size(), "a terminating instance's node leaves at once");
        h.clock.advance(Duration.ofMinutes(3));
        assertEquals(1, h.nodeGroups.state(group).members().size());
        assertEquals(3, k8s.pods().inNamespace("default").list().getItems().stream()
                .filter(p -> "Running".equals(p.getStatus().getPhase())).count(), "the app's replicas moved");
        assertThrows(IllegalArgumentException.class, () -> h.nodeGroups.resize("eks-nope", 1, 2, 1));
    }

    @Test
    void nodeMetadataFollowsTheGroupAndTaintsKeepAppsAway() {
        String group = readyGroup(2);
        h.nodeGroups.updateNodeMetadata(group, Map.of("tier", "batch"),
                List.of(new NodeGroupFleet.Taint("dedicated", "batch", "NO_SCHEDULE")));
        List<Node> nodes = k8s.nodes().withLabel("tier", "batch").list().getItems();
        assertEquals(2, nodes.size());
        assertEquals("NoSchedule", nodes.get(0).getSpec().getTaints().get(0).getEffect());
        h.nodeGroups.updateNodeMetadata(group, Map.of(), List.of());
        assertEquals(0, k8s.nodes().withLabel("tier").list().getItems().size());
        assertEquals(2, k8s.nodes().withLabel("eks.amazonaws.com/nodegroup", "workers").list().getItems().size());
    }

    @Test
    void defaultRollSurgesDrainsAndReplacesEveryNode() {
        String group = readyGroup(3);
        RecordedOutcome rolled = new RecordedOutcome();
        h.nodeGroups.roll(group, new RollRequest("1.32", "1.32.1-20250201", 1, "DEFAULT", false), rolled);
        h.clock.advance(Duration.ofMinutes(2));
        assertNull(rolled.result());
        assertEquals(9, h.autoScaling.group(group).orElseThrow().desiredCapacity(),
                "desired grew by max(2 x 3 zones, maxUnavailable 1)");
        assertTrue(k8s.nodes().list().getItems().stream()
                .filter(n -> n.getStatus().getNodeInfo().getKubeletVersion().startsWith("v1.31"))
                .allMatch(n -> Boolean.TRUE.equals(n.getSpec().getUnschedulable())), "old nodes are cordoned");

        h.clock.advance(Duration.ofHours(1));
        assertEquals("succeeded", rolled.result());
        assertEquals(1, rolled.calls());
        FleetState state = h.nodeGroups.state(group);
        assertEquals(3, state.desiredSize());
        assertEquals(3, state.members().size());
        assertEquals(Set.of("v1.32"), kubeletMinors(state));
        assertEquals(6, h.autoScaling.group(group).orElseThrow().maxSize(), "sizes are back to what they were");
        assertEquals(9, mostCounted.get());
        assertTrue(k8s.pods().inAnyNamespace().list().getItems().stream()
                .allMatch(p -> "Running".equals(p.getStatus().getPhase())));
        assertEquals(2, k8s.pods().inNamespace("kube-system").withLabel("k8s-app", "kube-dns").list()
                .getItems().size());
    }

    @Test
    void minimalRollTerminatesFirstAndNeverSurges() {
        String group = readyGroup(3);
        RecordedOutcome rolled = new RecordedOutcome();
        h.nodeGroups.roll(group, new RollRequest("1.32", "1.32.1-20250201", 1, "MINIMAL", false), rolled);
        h.clock.advance(Duration.ofHours(1));
        assertEquals("succeeded", rolled.result());
        assertEquals(3, mostCounted.get(), "MINIMAL never runs more instances than desired");
        assertEquals(Set.of("v1.32"), kubeletMinors(h.nodeGroups.state(group)));
        long terminated = h.events.ofType("EC2 Instance Terminate Successful").size();
        assertEquals(3, terminated);
    }

    @Test
    void aBudgetThatNeverAllowsEvictionFailsTheRollAfterFifteenMinutes() {
        String group = readyGroup(2);
        h.clock.advance(Duration.ofSeconds(10));
        Pod web = k8s.pods().inNamespace("default").list().getItems().get(0);
        h.kubernetes.store("prod").blockEvictionOf("default", web.getMetadata().getName());
        RecordedOutcome rolled = new RecordedOutcome();
        h.nodeGroups.roll(group, new RollRequest("1.32", "1.32.1-20250201", 2, "MINIMAL", false), rolled);

        h.clock.advance(Duration.ofMinutes(14));
        assertNull(rolled.result(), "evictions are retried for 15 minutes");
        h.clock.advance(Duration.ofMinutes(2));
        assertEquals("failed", rolled.result());
        assertEquals("PodEvictionFailure", rolled.errorCode());
        assertTrue(rolled.message().startsWith("Reached max retries while trying to evict pods from nodes in node"
                + " group workers"));
        assertEquals(List.of(web.getSpec().getNodeName()), rolled.resourceIds());
        assertTrue(k8s.pods().inNamespace("default").withName(web.getMetadata().getName()).get() != null,
                "the protected pod is still there");
        h.clock.advance(Duration.ofHours(1));
        assertEquals(1, rolled.calls());
    }

    @Test
    void forceTerminatesANodeWhoseDrainIsBlocked() {
        String group = readyGroup(2);
        h.clock.advance(Duration.ofSeconds(10));
        Pod web = k8s.pods().inNamespace("default").list().getItems().get(0);
        h.kubernetes.store("prod").blockEvictionOf("default", web.getMetadata().getName());
        RecordedOutcome rolled = new RecordedOutcome();
        h.nodeGroups.roll(group, new RollRequest("1.32", "1.32.1-20250201", 1, "DEFAULT", true), rolled);
        h.clock.advance(Duration.ofHours(2));
        assertEquals("succeeded", rolled.result());
        assertEquals(Set.of("v1.32"), kubeletMinors(h.nodeGroups.state(group)));
        assertNull(k8s.pods().inNamespace("default").withName(web.getMetadata().getName()).get(),
                "the pod went with its node");
    }

    @Test
    void deleteTerminatesEveryInstanceAndRemovesTheGroup() {
        String group = readyGroup(2);
        RecordedOutcome gone = new RecordedOutcome();
        h.nodeGroups.delete(group, gone);
        assertEquals(0, k8s.nodes().list().getItems().size());
        assertNull(gone.result());
        h.clock.advance(Duration.ofMinutes(2));
        assertEquals("succeeded", gone.result());
        assertTrue(h.autoScaling.group(group).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> h.nodeGroups.state(group));
        assertEquals(0, h.autoScalingClient.describeAutoScalingGroups().autoScalingGroups().size());
    }

    @Test
    void deletingBeforeTheNodesAreReadyFailsTheCreateOutcome() {
        RecordedOutcome ready = new RecordedOutcome();
        String group = create(2, ready);
        RecordedOutcome gone = new RecordedOutcome();
        h.nodeGroups.delete(group, gone);
        h.clock.advance(Duration.ofMinutes(5));
        assertEquals("failed", ready.result());
        assertEquals("succeeded", gone.result());
    }

    @Test
    void eventsTellLaunchesAndTerminationsOfAGroup() {
        String group = readyGroup(2);
        h.nodeGroups.resize(group, 1, 6, 1);
        h.clock.advance(Duration.ofMinutes(2));
        var launches = h.events.ofType("EC2 Instance Launch Successful");
        var terminations = h.events.ofType("EC2 Instance Terminate Successful");
        assertEquals(2, launches.size());
        assertEquals(1, terminations.size());
        var detail = terminations.get(0).detail();
        assertEquals(group, detail.get("AutoScalingGroupName").asText());
        assertTrue(detail.get("Details").get("Availability Zone").asText().startsWith("us-east-1"));
        assertTrue(detail.get("Description").asText().startsWith("Terminating EC2 instance: i-"));
        assertEquals(List.of("pending", "pending", "running", "running", "shutting-down", "terminated"),
                h.events.ofType("EC2 Instance State-change Notification").stream()
                        .map(e -> e.detail().get("state").asText()).toList());
    }
}
