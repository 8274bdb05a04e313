package dev.ekslifecycle.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ekslifecycle.domain.ClusterStatus;
import dev.ekslifecycle.errors.DependencyThrottledException;
import dev.ekslifecycle.events.LifecycleEvent;
import dev.ekslifecycle.local.faults.FaultRule;
import dev.ekslifecycle.store.AuditEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The drift check against the local EKS, DynamoDB and EventBridge over HTTP, on a manual virtual clock. */
class DriftCheckTest {

    private static LocalAws local;
    private static DriftCheck check;

    @BeforeAll
    static void start() throws Exception {
        local = new LocalAws();
        check = new DriftCheck(local.store.clusters(), local.store.locks(), local.store.auditLog(),
                local.eksGateway, local.publisher, local.clock);
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aNodeGroupScaledBehindOurBackIsReportedOnceAndRecorded() {
        local.managedCluster("scaled", "general", 2);
        DriftCheck.Summary quiet = check.run();
        assertTrue(quiet.checked().contains("scaled"), quiet.toString());
        assertFalse(quiet.drifted().contains("scaled"), "a cluster as recorded has no drift: " + quiet);

        local.eks.updateNodegroupConfig(b -> b.clusterName("scaled").nodegroupName("general")
                .scalingConfig(s -> s.minSize(1).maxSize(10).desiredSize(4)));
        local.clock.advance(Duration.ofMinutes(15));
        DriftCheck.Summary found = check.run();
        assertTrue(found.drifted().contains("scaled"), found.toString());

        List<JsonNode> events = driftEvents("scaled");
        assertEquals(1, events.size(), events.toString());
        JsonNode drift = events.get(0).get("drifts").get(0);
        assertEquals("nodegroups[general].desiredSize", drift.get("path").asText());
        assertEquals("2", drift.get("recorded").asText());
        assertEquals("4", drift.get("observed").asText());
        assertFalse(events.get(0).has("operationId"), "drift belongs to no operation");
        List<AuditEntry> audit = local.store.auditLog().entries("scaled");
        assertEquals(1, audit.size());
        assertEquals(DriftCheck.FINDING, audit.get(0).kind());
        assertEquals(events.get(0).get("findingId").asText(), audit.get(0).id());
        assertTrue(audit.get(0).detail().contains("nodegroups[general].desiredSize: 2 -> 4"), audit.get(0).detail());
        assertEquals(4, local.store.clusters().get("scaled").observed().nodegroups().get(0).desiredSize());

        DriftCheck.Summary again = check.run();
        assertFalse(again.drifted().contains("scaled"), "what was recorded is the new normal: " + again);
        assertEquals(1, driftEvents("scaled").size());
    }

    @Test
    void aLockedClusterIsLeftToTheOperationThatHoldsIt() {
        local.managedCluster("busy", "general", 1);
        local.store.locks().acquire("busy", "arn:aws:states:us-east-1:000000000000:execution:x:op", "op", Duration
                .ofHours(1));
        local.eks.updateNodegroupConfig(b -> b.clusterName("busy").nodegroupName("general")
                .scalingConfig(s -> s.minSize(1).maxSize(10).desiredSize(3)));
        local.clock.advance(Duration.ofMinutes(15));
        DriftCheck.Summary summary = check.run();
        assertTrue(summary.skipped().contains("busy"), summary.toString());
        assertEquals(List.of(), driftEvents("busy"));
        assertEquals(1, local.store.clusters().get("busy").observed().nodegroups().get(0).desiredSize());
    }

    @Test
    void aClusterDeletedBehindOurBackIsRecordedDeletedAndNotCheckedAgain() {
        local.managedCluster("vanished", "general", 1);
        local.eks.deleteNodegroup(b -> b.clusterName("vanished").nodegroupName("general"));
        local.clock.advance(Duration.ofMinutes(15));
        local.eks.deleteCluster(b -> b.name("vanished"));
        local.clock.advance(Duration.ofMinutes(15));
        DriftCheck.Summary summary = check.run();
        assertTrue(summary.drifted().contains("vanished"), summary.toString());
        JsonNode drift = driftEvents("vanished").get(0).get("drifts").get(0);
        assertEquals("status", drift.get("path").asText());
        assertEquals("ACTIVE", drift.get("recorded").asText());
        assertEquals("DELETED", drift.get("observed").asText());
        assertEquals(ClusterStatus.DELETED, local.store.clusters().get("vanished").observed().status());
        assertTrue(check.run().skipped().contains("vanished"));
    }

    @Test
    void throttlingSurfacesAsTheTypedErrorAndTheRetryFindsTheSameDrift() {
        local.managedCluster("throttled", "general", 1);
        local.eks.updateNodegroupConfig(b -> b.clusterName("throttled").nodegroupName("general")
                .scalingConfig(s -> s.minSize(1).maxSize(10).desiredSize(2)));
        local.clock.advance(Duration.ofMinutes(15));
        String fault = local.faults.add(FaultRule.always("eks", "DescribeNodegroup", "ThrottlingException", 429));
        try {
            assertThrows(DependencyThrottledException.class, check::run);
        } finally {
            local.faults.remove(fault);
        }
        assertEquals(1, local.store.clusters().get("throttled").observed().nodegroups().get(0).desiredSize(),
                "nothing is recorded from a check that failed");
        assertTrue(check.run().drifted().contains("throttled"));
        assertEquals(1, driftEvents("throttled").size());
    }

    private static List<JsonNode> driftEvents(String cluster) {
        return local.published(LifecycleEvent.DRIFT_DETECTED).stream().map(e -> e.event().get("detail"))
                .filter(d -> d.get("clusterName").asText().equals(cluster)).toList();
    }
}
