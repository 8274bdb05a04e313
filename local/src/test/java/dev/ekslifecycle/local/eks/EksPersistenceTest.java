package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** A restarted emulator on the same data directory keeps its resources and finishes what was under way. */
class EksPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void stateSurvivesARestartAndPendingTransitionsResumeFromTheirSavedTimes() throws Exception {
        EksSettings settings = EksSettings.defaults().withDataDirectory(dataDir);
        String updateId;
        String clusterArn;
        Instant stoppedAt;
        try (EksHarness first = EksHarness.manual(settings)) {
            first.eks.createCluster(EksHarness.cluster("kept").tags(Map.of("k", "v")).deletionProtection(true)
                    .clientRequestToken("create-kept").build());
            first.clock.advance(Duration.ofMinutes(12));
            first.activeNodegroup("kept", "ng", 2);
            first.eks.createAddon(b -> b.clusterName("kept").addonName("vpc-cni"));
            updateId = first.eks.updateClusterVersion(b -> b.name("kept").version("1.31")).update().id();
            first.eks.createCluster(EksHarness.cluster("young").build());
            first.clock.advance(Duration.ofMinutes(5));
            clusterArn = first.eks.describeCluster(b -> b.name("kept")).cluster().arn();
            stoppedAt = first.clock.instant();
        }
        assertTrue(Files.exists(dataDir.resolve("eks-state.json")));

        try (EksHarness second = EksHarness.manual(settings, stoppedAt)) {
            assertEquals("1.30", second.apiServers.versions.get("kept"), "the API server is back");
            assertEquals(2, second.fleet.groups.get("eks-ng-kept").desiredSize, "the nodes are launched again");
            var kept = second.eks.describeCluster(b -> b.name("kept")).cluster();
            assertEquals(clusterArn, kept.arn());
            assertEquals(ClusterStatus.UPDATING, kept.status());
            assertEquals(Map.of("k", "v"), kept.tags());
            assertTrue(kept.deletionProtection());
            assertEquals(EksHarness.T0, kept.createdAt());
            var ng = second.eks.describeNodegroup(b -> b.clusterName("kept").nodegroupName("ng")).nodegroup();
            assertEquals(NodegroupStatus.ACTIVE, ng.status());
            assertEquals("eks-ng-kept", ng.resources().autoScalingGroups().get(0).name());
            assertEquals(List.of("vpc-cni"), second.eks.listAddons(b -> b.clusterName("kept")).addons());
            assertEquals(ClusterStatus.CREATING, second.eks.describeCluster(b -> b.name("young")).cluster().status());

            second.clock.advance(Duration.ofMinutes(5));
            assertEquals(UpdateStatus.SUCCESSFUL,
                    second.eks.describeUpdate(b -> b.name("kept").updateId(updateId)).update().status());
            assertEquals("1.31", second.eks.describeCluster(b -> b.name("kept")).cluster().version());
            assertEquals("1.31", second.apiServers.versions.get("kept"));
            second.clock.advance(Duration.ofMinutes(2));
            assertEquals(ClusterStatus.ACTIVE, second.eks.describeCluster(b -> b.name("young")).cluster().status());

            var replay = second.eks.createCluster(EksHarness.cluster("kept").tags(Map.of("k", "v"))
                    .deletionProtection(true).clientRequestToken("create-kept").build()).cluster();
            assertEquals(clusterArn, replay.arn(), "tokens are kept too");
        }
    }
}
