package dev.ekslifecycle.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.domain.NodeHealthEvent;
import dev.ekslifecycle.domain.NodeHealthEvents;
import dev.ekslifecycle.domain.ObservedCluster;
import dev.ekslifecycle.ec2.InstanceDirectory;
import dev.ekslifecycle.ec2.NodeGroupInstance;
import dev.ekslifecycle.ec2.sdk.SdkInstanceDirectory;
import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.events.LifecycleEvent;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.store.AuditEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The health-signal intake fed with the state-change events that the local EC2 publishes on the default bus when
 * an instance is terminated through its API; instances looked up over HTTP through the production adapter.
 */
class NodeHealthIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalAws local;
    private static NodeHealthIntake intake;

    @BeforeAll
    static void start() throws Exception {
        local = new LocalAws();
        intake = new NodeHealthIntake(new SdkInstanceDirectory(local.ec2), local.store.clusters(),
                local.store.locks(), local.store.auditLog(), local.publisher);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aTerminatedNodeOfAManagedClusterIsRecordedOnceAndAnnounced() throws Exception {
        local.managedCluster("fleet", "general", 2);
        String instance = nodesOf("fleet").get(0);
        NodeHealthEvent terminated = terminate(instance);

        NodeHealthIntake.Outcome outcome = intake.accept(terminated);
        assertEquals(List.of(new NodeGroupInstance(instance, "fleet", "general")), outcome.signalled());
        List<AuditEntry> audit = local.store.auditLog().entries("fleet");
        assertEquals(1, audit.size());
        assertEquals(terminated.eventId() + "#" + instance, audit.get(0).id());
        assertEquals(NodeHealthIntake.SIGNAL, audit.get(0).kind());
        assertTrue(audit.get(0).detail().contains("instance terminated"), audit.get(0).detail());

        intake.accept(terminated);
        assertEquals(1, local.store.auditLog().entries("fleet").size(), "a repeated delivery adds no entry");
        List<JsonNode> signals = local.published(LifecycleEvent.NODE_HEALTH_SIGNAL).stream()
                .map(e -> e.event().get("detail")).filter(d -> d.get("clusterName").asText().equals("fleet"))
                .toList();
        assertEquals(2, signals.size(), "published on every delivery, de-duplicated by signalId downstream");
        assertEquals(signals.get(0).get("signalId"), signals.get(1).get("signalId"));
        assertEquals("general", signals.get(0).get("nodegroup").asText());
        assertEquals("aws.ec2", signals.get(0).get("eventSource").asText());
    }

    @Test
    void instancesOutsideOurClustersAreIgnored() throws Exception {
        NodeHealthEvent unknown = new NodeHealthEvent("e-unknown", "aws.ec2", LocalAws.START,
                List.of("i-0000000000000beef"), "instance stopped");
        assertEquals(List.of("i-0000000000000beef"), intake.accept(unknown).ignored(), "no such node-group instance");

        local.managedCluster("theirs", "workers", 1);
        local.store.clusters().updateObserved("theirs", local.store.clusters().get("theirs").version(),
                new ObservedCluster(ClusterStatus.DELETED, null, null, List.of()));
        String node = nodesOf("theirs").get(0);
        assertEquals(List.of(node), intake.accept(terminate(node)).ignored(),
                "a cluster whose record says DELETED is no longer ours");
        assertEquals(List.of(), local.store.auditLog().entries("theirs"));
    }

    @Test
    void nodesOfAClusterThatAnOperationHoldsAreLeftToIt() throws Exception {
        local.managedCluster("rolling", "general", 2);
        local.store.locks().acquire("rolling", "arn:aws:states:us-east-1:000000000000:execution:update:op", "op",
                Duration.ofHours(1));
        String node = nodesOf("rolling").get(0);
        assertEquals(List.of(node), intake.accept(terminate(node)).ignored());
        assertEquals(List.of(), local.store.auditLog().entries("rolling"));
    }

    @Test
    void theDirectoryReadsTheNodeGroupTagsAndSkipsUnknownInstances() {
        local.managedCluster("tagged", "web", 2);
        List<String> nodes = nodesOf("tagged");
        InstanceDirectory directory = new SdkInstanceDirectory(local.ec2);
        List<NodeGroupInstance> found = directory.nodeGroupInstances(List.of(nodes.get(0), "i-0000000000000dead",
                nodes.get(1)));
        assertEquals(Set.of(new NodeGroupInstance(nodes.get(0), "tagged", "web"),
                new NodeGroupInstance(nodes.get(1), "tagged", "web")), Set.copyOf(found));
        assertEquals(2, found.size());
    }

    @Test
    void ec2ThrottlingSurfacesAsTheTypedErrorAndNothingIsRecorded() throws Exception {
        local.managedCluster("busy-ec2", "general", 1);
        String node = nodesOf("busy-ec2").get(0);
        NodeHealthEvent stopped = new NodeHealthEvent("e-throttled", "aws.ec2", LocalAws.START, List.of(node),
                "instance stopped");
        String fault = local.faults.add(FaultRule.always("ec2", "DescribeInstances", "RequestLimitExceeded", 503));
        try {
            assertThrows(DependencyThrottledException.class, () -> intake.accept(stopped));
        } finally {
            local.faults.remove(fault);
        }
        assertEquals(List.of(), local.store.auditLog().entries("busy-ec2"));
        assertEquals(1, intake.accept(stopped).signalled().size(), "the retried delivery records it");
    }

    private static List<String> nodesOf(String cluster) {
        return local.ec2.describeInstances(b -> b.filters(Filter.builder().name("tag:eks:cluster-name")
                        .values(cluster).build(), Filter.builder().name("instance-state-name").values("running")
                        .build()))
                .reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId).sorted()
                .toList();
    }

    /** Terminates the instance through the EC2 API and reads the event EC2 published when it reached terminated. */
    private static NodeHealthEvent terminate(String instanceId) throws Exception {
        local.ec2.terminateInstances(b -> b.instanceIds(instanceId));
        local.clock.advance(Duration.ofMinutes(5));
        JsonNode event = local.edge.events().log().events(e -> e.source().equals("aws.ec2")
                        && e.event().get("detail").get("instance-id").asText().equals(instanceId)
                        && e.event().get("detail").get("state").asText().equals("terminated"))
                .get(0).event();
        Map<String, Object> delivered = JSON.convertValue(event, new TypeReference<>() { });
        return NodeHealthEvents.read(delivered).orElseThrow();
    }
}
