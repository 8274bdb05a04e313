package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ClusterStatus;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/**
 * A whole cluster lifecycle on an auto-advancing virtual clock: each wait jumps straight to the next transition,
 * so an hour of EKS work takes moments.
 */
class EksAutoAdvanceLifecycleTest {

    @Test
    void createUpgradeAndDeleteACluster() throws Exception {
        try (EksHarness h = EksHarness.autoAdvancing(EksSettings.defaults())) {
            h.eks.createCluster(EksHarness.cluster("life").build());
            h.awaitIdle();
            assertEquals(ClusterStatus.ACTIVE, h.eks.describeCluster(b -> b.name("life")).cluster().status());
            assertEquals(EksHarness.T0.plus(Duration.ofMinutes(12)), h.clock.instant());

            h.eks.createNodegroup(b -> b.clusterName("life").nodegroupName("ng").nodeRole("arn:aws:iam::0:role/n")
                    .subnets(FakeSubnets.A, FakeSubnets.B).scalingConfig(s -> s.minSize(1).maxSize(4).desiredSize(3)));
            h.awaitIdle();
            assertEquals(NodegroupStatus.ACTIVE,
                    h.eks.describeNodegroup(b -> b.clusterName("life").nodegroupName("ng")).nodegroup().status());

            String cp = h.eks.updateClusterVersion(b -> b.name("life").version("1.31")).update().id();
            h.awaitIdle();
            assertEquals(UpdateStatus.SUCCESSFUL,
                    h.eks.describeUpdate(b -> b.name("life").updateId(cp)).update().status());

            String ng = h.eks.updateNodegroupVersion(b -> b.clusterName("life").nodegroupName("ng")).update().id();
            h.awaitIdle();
            assertEquals(UpdateStatus.SUCCESSFUL,
                    h.eks.describeUpdate(b -> b.name("life").nodegroupName("ng").updateId(ng)).update().status());
            assertEquals("1.31",
                    h.eks.describeNodegroup(b -> b.clusterName("life").nodegroupName("ng")).nodegroup().version());

            h.eks.deleteNodegroup(b -> b.clusterName("life").nodegroupName("ng"));
            h.awaitIdle();
            h.eks.deleteCluster(b -> b.name("life"));
            h.awaitIdle();
            assertThrows(ResourceNotFoundException.class, () -> h.eks.describeCluster(b -> b.name("life")));
            assertTrue(h.clock.instant().isAfter(EksHarness.T0.plus(Duration.ofMinutes(12 + 4 + 10 + 5))));
        }
    }
}
