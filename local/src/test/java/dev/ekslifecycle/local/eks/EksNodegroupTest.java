package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.TaintEffect;
import software.amazon.awssdk.services.eks.model.Update;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** Managed node groups through the real EKS SDK client, over a fake fleet. */
class EksNodegroupTest extends ManualClockEksTest {

    @BeforeEach
    void start() {
        h.activeCluster("c", "1.30");
    }

    private static CreateNodegroupRequest.Builder nodegroup(String name) {
        return CreateNodegroupRequest.builder().clusterName("c").nodegroupName(name)
                .nodeRole("arn:aws:iam::000000000000:role/node").subnets(FakeSubnets.A, FakeSubnets.B)
                .scalingConfig(s -> s.minSize(1).maxSize(6).desiredSize(4));
    }

    private Nodegroup describe(String name) {
        return h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName(name)).nodegroup();
    }

    private Update describeUpdate(String name, String id) {
        return h.eks.describeUpdate(b -> b.name("c").nodegroupName(name).updateId(id)).update();
    }

    @Test
    void aNodeGroupIsActiveWhenItsFleetIsReadyAndFourMinutesHavePassed() {
        Nodegroup created = h.eks.createNodegroup(nodegroup("ng").labels(Map.of("team", "a"))
                .taints(t -> t.key("dedicated").value("gpu").effect(TaintEffect.NO_SCHEDULE))
                .updateConfig(u -> u.maxUnavailablePercentage(50).updateStrategy("MINIMAL"))
                .nodeRepairConfig(r -> r.enabled(true).maxUnhealthyNodeThresholdPercentage(20))
                .build()).nodegroup();

        assertEquals(NodegroupStatus.CREATING, created.status());
        assertEquals("1.30", created.version());
        assertTrue(created.nodegroupArn().startsWith("arn:aws:eks:us-east-1:000000000000:nodegroup/c/ng/"));
        var group = h.fleet.groups.get("eks-ng-c");
        assertEquals(List.of(FakeSubnets.A, FakeSubnets.B), group.spec.subnetIds());
        assertEquals(Map.of("team", "a"), group.spec.labels());
        assertEquals(4, group.spec.desiredSize());

        h.clock.advance(Duration.ofMinutes(3));
        assertEquals(NodegroupStatus.CREATING, describe("ng").status(), "nodes are Ready, EKS is not done");
        h.clock.advance(Duration.ofMinutes(1));
        Nodegroup active = describe("ng");
        assertEquals(NodegroupStatus.ACTIVE, active.status());
        assertEquals("eks-ng-c", active.resources().autoScalingGroups().get(0).name());
        assertEquals("MINIMAL", active.updateConfig().updateStrategyAsString());
        assertEquals(50, active.updateConfig().maxUnavailablePercentage());
        assertTrue(active.nodeRepairConfig().enabled());
        assertEquals(20, active.nodeRepairConfig().maxUnhealthyNodeThresholdPercentage());
        assertEquals(List.of("ng"), h.eks.listNodegroups(b -> b.clusterName("c")).nodegroups());
    }

    @Test
    void sizesAndNamesAreChecked() {
        var tooMany = assertThrows(InvalidParameterException.class, () -> h.eks.createNodegroup(
                nodegroup("x").scalingConfig(s -> s.minSize(1).maxSize(3).desiredSize(5)).build()));
        assertEquals("Desired capacity 5 can't be greater than max size 3", tooMany.awsErrorDetails().errorMessage());
        var tooFew = assertThrows(InvalidParameterException.class, () -> h.eks.createNodegroup(
                nodegroup("x").scalingConfig(s -> s.minSize(3).maxSize(5).desiredSize(2)).build()));
        assertEquals("Minimum capacity 3 can't be greater than desired size 2", tooFew.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class,
                () -> h.eks.createNodegroup(nodegroup("x").subnets("subnet-nope").build()));
        assertThrows(InvalidParameterException.class,
                () -> h.eks.createNodegroup(nodegroup("x").version("1.29").build()));
        assertThrows(InvalidParameterException.class, () -> h.eks.createNodegroup(
                nodegroup("x").updateConfig(u -> u.maxUnavailable(1).maxUnavailablePercentage(10)).build()));
        assertThrows(InvalidParameterException.class, () -> h.eks.createNodegroup(nodegroup("bad name!").build()));
        assertThrows(ResourceNotFoundException.class,
                () -> h.eks.createNodegroup(nodegroup("x").clusterName("ghost").build()));
        assertTrue(h.fleet.groups.isEmpty(), "nothing reached the fleet");

        h.eks.createNodegroup(nodegroup("x").build());
        var taken = assertThrows(ResourceInUseException.class, () -> h.eks.createNodegroup(nodegroup("x").build()));
        assertEquals("x", taken.nodegroupName());
    }

    @Test
    void aClusterWithNodeGroupsCannotBeDeletedUntilTheyAreGone() {
        h.activeNodegroup("c", "ng", 2);
        var refused = assertThrows(ResourceInUseException.class, () -> h.eks.deleteCluster(b -> b.name("c")));
        assertEquals("Cluster has nodegroups attached", refused.awsErrorDetails().errorMessage());

        assertEquals(NodegroupStatus.DELETING,
                h.eks.deleteNodegroup(b -> b.clusterName("c").nodegroupName("ng")).nodegroup().status());
        assertThrows(ResourceInUseException.class, () -> h.eks.deleteCluster(b -> b.name("c")));
        h.clock.advance(FakeFleet.TEARDOWN);
        assertThrows(ResourceNotFoundException.class, () -> describe("ng"));
        assertFalse(h.fleet.groups.containsKey("eks-ng-c"));
        h.eks.deleteCluster(b -> b.name("c"));
    }

    @Test
    void aConfigUpdateResizesAndRelabelsThroughTheFleet() {
        h.eks.createNodegroup(nodegroup("ng").labels(Map.of("team", "a", "tier", "web")).build());
        h.clock.advance(Duration.ofMinutes(4));

        Update update = h.eks.updateNodegroupConfig(b -> b.clusterName("c").nodegroupName("ng")
                .scalingConfig(s -> s.desiredSize(6))
                .labels(l -> l.addOrUpdateLabels(Map.of("team", "b")).removeLabels("tier"))
                .taints(t -> t.addOrUpdateTaints(x -> x.key("spot").value("yes").effect(TaintEffect.NO_EXECUTE))))
                .update();
        assertEquals("ConfigUpdate", update.typeAsString());
        assertEquals(NodegroupStatus.UPDATING, describe("ng").status());
        assertThrows(ResourceInUseException.class, () -> h.eks.updateNodegroupConfig(b -> b.clusterName("c")
                .nodegroupName("ng").scalingConfig(s -> s.desiredSize(5))));

        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(UpdateStatus.SUCCESSFUL, describeUpdate("ng", update.id()).status());
        Nodegroup ng = describe("ng");
        assertEquals(NodegroupStatus.ACTIVE, ng.status());
        assertEquals(6, ng.scalingConfig().desiredSize());
        assertEquals(Map.of("team", "b"), ng.labels());
        assertEquals("spot", ng.taints().get(0).key());
        var group = h.fleet.groups.get("eks-ng-c");
        assertEquals(6, group.desiredSize);
        assertEquals(Map.of("team", "b"), group.labels);
        assertEquals("NO_EXECUTE", group.taints.get(0).effect());
        assertEquals(List.of(update.id()),
                h.eks.listUpdates(b -> b.name("c").nodegroupName("ng")).updateIds());
        assertEquals(List.of(), h.eks.listUpdates(b -> b.name("c")).updateIds(), "cluster updates are separate");

        var outside = assertThrows(InvalidParameterException.class, () -> h.eks.updateNodegroupConfig(
                b -> b.clusterName("c").nodegroupName("ng").scalingConfig(s -> s.desiredSize(7))));
        assertEquals("Desired capacity 7 can't be greater than max size 6", outside.awsErrorDetails().errorMessage());
    }

    @Test
    void aVersionUpdateRollsTheFleetWithTheGroupsUpdateSettings() {
        h.eks.createNodegroup(nodegroup("ng").updateConfig(u -> u.maxUnavailablePercentage(50)
                .updateStrategy("MINIMAL")).build());
        h.clock.advance(Duration.ofMinutes(4));
        assertThrows(InvalidParameterException.class, () -> h.eks.updateNodegroupVersion(
                b -> b.clusterName("c").nodegroupName("ng").version("1.31")), "nodes cannot be newer than the cluster");
        h.eks.updateClusterVersion(b -> b.name("c").version("1.31"));
        h.clock.advance(Duration.ofMinutes(10));

        Update update = h.eks.updateNodegroupVersion(b -> b.clusterName("c").nodegroupName("ng")).update();
        assertEquals("VersionUpdate", update.typeAsString());
        var roll = h.fleet.rolls.get(0);
        assertEquals("1.31", roll.kubernetesVersion());
        assertEquals(2, roll.maxUnavailable(), "50% of 4 nodes");
        assertEquals("MINIMAL", roll.updateStrategy());
        assertEquals("1.31.13-20251120", roll.releaseVersion());

        h.clock.advance(FakeFleet.PER_BATCH.multipliedBy(2).minusSeconds(1));
        assertEquals(NodegroupStatus.UPDATING, describe("ng").status());
        h.clock.advance(Duration.ofSeconds(1));
        assertEquals(UpdateStatus.SUCCESSFUL, describeUpdate("ng", update.id()).status());
        Nodegroup ng = describe("ng");
        assertEquals("1.31", ng.version());
        assertEquals("1.31.13-20251120", ng.releaseVersion());
        assertEquals(NodegroupStatus.ACTIVE, ng.status());
        assertThrows(InvalidParameterException.class, () -> h.eks.updateNodegroupVersion(
                b -> b.clusterName("c").nodegroupName("ng")), "already at the cluster's version and release");
    }

    @Test
    void aBlockedDrainFailsTheUpdateWithPodEvictionFailureUnlessForced() {
        h.activeNodegroup("c", "ng", 2);
        h.eks.updateClusterVersion(b -> b.name("c").version("1.31"));
        h.clock.advance(Duration.ofMinutes(10));

        h.fleet.failNextRoll = "PodEvictionFailure";
        Update update = h.eks.updateNodegroupVersion(b -> b.clusterName("c").nodegroupName("ng")).update();
        h.clock.advance(Duration.ofMinutes(30));
        Update failed = describeUpdate("ng", update.id());
        assertEquals(UpdateStatus.FAILED, failed.status());
        assertEquals("PodEvictionFailure", failed.errors().get(0).errorCodeAsString());
        assertEquals(List.of("ip-10-0-1-1.ec2.internal"), failed.errors().get(0).resourceIds());
        assertEquals("1.30", describe("ng").version());
        assertEquals(NodegroupStatus.ACTIVE, describe("ng").status());

        h.fleet.failNextRoll = "PodEvictionFailure";
        Update forced = h.eks.updateNodegroupVersion(b -> b.clusterName("c").nodegroupName("ng").force(true))
                .update();
        assertTrue(h.fleet.rolls.get(1).force());
        h.clock.advance(Duration.ofMinutes(30));
        assertEquals(UpdateStatus.SUCCESSFUL, describeUpdate("ng", forced.id()).status());
        assertEquals("1.31", describe("ng").version());
    }

    @Test
    void anArmedFailureFailsTheNextNodeGroupUpdateWithoutRollingTheFleet() {
        h.activeNodegroup("c", "ng", 2);
        h.eks.updateClusterVersion(b -> b.name("c").version("1.31"));
        h.clock.advance(Duration.ofMinutes(10));
        h.emulator.failNext("us-east-1", "c", "ng", "NodeCreationFailure", "Instances failed to join");

        Update update = h.eks.updateNodegroupVersion(b -> b.clusterName("c").nodegroupName("ng")).update();
        h.clock.advance(Duration.ofMinutes(1));
        Update failed = describeUpdate("ng", update.id());
        assertEquals(UpdateStatus.FAILED, failed.status());
        assertEquals("NodeCreationFailure", failed.errors().get(0).errorCodeAsString());
        assertTrue(h.fleet.rolls.isEmpty());
    }

    @Test
    void aVersionUpdateOfAGroupTheFleetLostFailsInsteadOfHanging() {
        h.activeNodegroup("c", "ng", 2);
        h.eks.updateClusterVersion(b -> b.name("c").version("1.31"));
        h.clock.advance(Duration.ofMinutes(10));
        h.fleet.groups.clear();

        Update update = h.eks.updateNodegroupVersion(b -> b.clusterName("c").nodegroupName("ng")).update();
        Update failed = describeUpdate("ng", update.id());
        assertEquals(UpdateStatus.FAILED, failed.status());
        assertTrue(failed.errors().get(0).errorMessage().contains("was not found"));
        assertEquals(NodegroupStatus.ACTIVE, describe("ng").status());
        h.eks.deleteNodegroup(b -> b.clusterName("c").nodegroupName("ng"));
        assertThrows(ResourceNotFoundException.class, () -> describe("ng"), "nothing left to tear down");
    }

    @Test
    void aFleetThatCannotLaunchLeavesTheGroupCreateFailedWithAHealthIssue() {
        h.fleet.failNextCreate = "NodeCreationFailure";
        h.eks.createNodegroup(nodegroup("ng").build());
        h.clock.advance(Duration.ofMinutes(4));

        Nodegroup ng = describe("ng");
        assertEquals(NodegroupStatus.CREATE_FAILED, ng.status());
        assertEquals("NodeCreationFailure", ng.health().issues().get(0).codeAsString());
        assertEquals(List.of("i-0001"), ng.health().issues().get(0).resourceIds());
    }

    @Test
    void aClientRequestTokenMakesNodeGroupCallsIdempotent() {
        h.eks.createNodegroup(nodegroup("ng").clientRequestToken("n-1").build());
        h.eks.createNodegroup(nodegroup("ng").clientRequestToken("n-1").build());
        assertEquals(1, h.fleet.groups.size());
        h.clock.advance(Duration.ofMinutes(4));

        Update first = h.eks.updateNodegroupConfig(b -> b.clusterName("c").nodegroupName("ng")
                .scalingConfig(s -> s.desiredSize(3)).clientRequestToken("u-1")).update();
        Update again = h.eks.updateNodegroupConfig(b -> b.clusterName("c").nodegroupName("ng")
                .scalingConfig(s -> s.desiredSize(3)).clientRequestToken("u-1")).update();
        assertEquals(first.id(), again.id());
    }
}
