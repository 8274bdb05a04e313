package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.FargateProfileStatus;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** Fargate profiles and add-ons through the real EKS SDK client. */
class EksFargateAndAddonTest extends ManualClockEksTest {

    @BeforeEach
    void start() {
        h.activeCluster("c", "1.30");
    }

    private static CreateFargateProfileRequest profile(String name) {
        return CreateFargateProfileRequest.builder().clusterName("c").fargateProfileName(name)
                .podExecutionRoleArn("arn:aws:iam::000000000000:role/pods")
                .selectors(s -> s.namespace("batch").labels(java.util.Map.of("fargate", "yes"))).build();
    }

    @Test
    void aFargateProfileIsCreatingThenActiveAndOnlyOneMayBeCreatingAtATime() {
        var created = h.eks.createFargateProfile(profile("fp1")).fargateProfile();
        assertEquals(FargateProfileStatus.CREATING, created.status());
        assertEquals(List.of(FakeSubnets.A, FakeSubnets.B), created.subnets(), "the cluster's private subnets");
        assertEquals("batch", created.selectors().get(0).namespace());

        var second = assertThrows(ResourceInUseException.class, () -> h.eks.createFargateProfile(profile("fp2")));
        assertEquals(409, second.statusCode());
        h.clock.advance(Duration.ofMinutes(3));
        assertEquals(FargateProfileStatus.ACTIVE, h.eks.describeFargateProfile(b -> b.clusterName("c")
                .fargateProfileName("fp1")).fargateProfile().status());
        h.eks.createFargateProfile(profile("fp2"));
        h.clock.advance(Duration.ofMinutes(3));
        assertEquals(List.of("fp1", "fp2"),
                h.eks.listFargateProfiles(b -> b.clusterName("c")).fargateProfileNames());

        assertThrows(ResourceInUseException.class, () -> h.eks.deleteCluster(b -> b.name("c")));
        h.eks.deleteFargateProfile(b -> b.clusterName("c").fargateProfileName("fp1"));
        assertThrows(ResourceInUseException.class,
                () -> h.eks.deleteFargateProfile(b -> b.clusterName("c").fargateProfileName("fp2")),
                "one DELETING at a time");
        h.clock.advance(Duration.ofMinutes(2));
        assertThrows(ResourceNotFoundException.class,
                () -> h.eks.describeFargateProfile(b -> b.clusterName("c").fargateProfileName("fp1")));
    }

    @Test
    void fargateProfilesNeedPrivateSubnetsAndSelectors() {
        var publicSubnet = assertThrows(InvalidParameterException.class, () -> h.eks.createFargateProfile(
                profile("p").toBuilder().subnets(FakeSubnets.A2).build()));
        assertTrue(publicSubnet.awsErrorDetails().errorMessage().contains("not a private subnet"));
        assertThrows(InvalidParameterException.class,
                () -> h.eks.createFargateProfile(profile("p").toBuilder().selectors(List.of()).build()));
        assertTrue(h.eks.listFargateProfiles(b -> b.clusterName("c")).fargateProfileNames().isEmpty());
    }

    @Test
    void noControlPlaneRollbackWithFargateProfiles() {
        h.eks.updateClusterVersion(b -> b.name("c").version("1.31"));
        h.clock.advance(Duration.ofMinutes(10));
        h.eks.createFargateProfile(profile("fp"));
        assertThrows(InvalidRequestException.class,
                () -> h.eks.updateClusterVersion(b -> b.name("c").version("1.30")));
    }

    @Test
    void anAddonGetsTheDefaultVersionForTheClusterAndUpdatesWithinCompatibleVersions() {
        var created = h.eks.createAddon(b -> b.clusterName("c").addonName("coredns")).addon();
        assertEquals(AddonStatus.CREATING, created.status());
        assertEquals("v1.11.3-eksbuild.2", created.addonVersion());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(AddonStatus.ACTIVE,
                h.eks.describeAddon(b -> b.clusterName("c").addonName("coredns")).addon().status());
        assertEquals(List.of("coredns"), h.eks.listAddons(b -> b.clusterName("c")).addons());

        var incompatible = assertThrows(InvalidParameterException.class, () -> h.eks.updateAddon(
                b -> b.clusterName("c").addonName("coredns").addonVersion("v1.12.3-eksbuild.1")));
        assertTrue(incompatible.awsErrorDetails().errorMessage().contains("not compatible with Kubernetes 1.30"));
        var update = h.eks.updateAddon(b -> b.clusterName("c").addonName("coredns")
                .addonVersion("v1.11.4-eksbuild.2").resolveConflicts("OVERWRITE")).update();
        assertEquals("AddonUpdate", update.typeAsString());
        assertEquals(AddonStatus.UPDATING,
                h.eks.describeAddon(b -> b.clusterName("c").addonName("coredns")).addon().status());
        h.clock.advance(Duration.ofMinutes(1));
        assertEquals(UpdateStatus.SUCCESSFUL, h.eks.describeUpdate(b -> b.name("c").addonName("coredns")
                .updateId(update.id())).update().status());
        assertEquals("v1.11.4-eksbuild.2",
                h.eks.describeAddon(b -> b.clusterName("c").addonName("coredns")).addon().addonVersion());
        assertEquals(List.of(update.id()), h.eks.listUpdates(b -> b.name("c").addonName("coredns")).updateIds());

        assertThrows(ResourceInUseException.class, () -> h.eks.createAddon(b -> b.clusterName("c")
                .addonName("coredns")));
        h.eks.deleteAddon(b -> b.clusterName("c").addonName("coredns"));
        h.clock.advance(Duration.ofMinutes(1));
        assertThrows(ResourceNotFoundException.class,
                () -> h.eks.describeAddon(b -> b.clusterName("c").addonName("coredns")));
    }

    @Test
    void unknownAddonsAndVersionsAreRefused() {
        assertThrows(InvalidParameterException.class,
                () -> h.eks.createAddon(b -> b.clusterName("c").addonName("not-an-addon")));
        assertThrows(InvalidParameterException.class, () -> h.eks.createAddon(b -> b.clusterName("c")
                .addonName("kube-proxy").addonVersion("v1.31.0-eksbuild.2")));
        assertTrue(h.eks.listAddons(b -> b.clusterName("c")).addons().isEmpty());
    }

    @Test
    void describeAddonVersionsListsCompatibilitiesAndDefaults() {
        var all = h.eks.describeAddonVersions(b -> b.addonName("kube-proxy")).addons().get(0);
        assertEquals("networking", all.type());
        assertEquals(7, all.addonVersions().size());
        assertEquals("v1.34.0-eksbuild.2", all.addonVersions().get(0).addonVersion(), "newest first");

        var for131 = h.eks.describeAddonVersions(b -> b.kubernetesVersion("1.31").addonName("vpc-cni"))
                .addons().get(0).addonVersions();
        assertEquals(List.of("v1.20.4-eksbuild.1", "v1.19.2-eksbuild.1", "v1.18.3-eksbuild.3"),
                for131.stream().map(v -> v.addonVersion()).toList());
        assertEquals(List.of(false, true, false), for131.stream()
                .map(v -> v.compatibilities().get(0).defaultVersion()).toList());
        assertEquals("1.31", for131.get(0).compatibilities().get(0).clusterVersion());
        assertEquals(1, for131.get(0).compatibilities().size(), "only the asked-for version");

        List<String> names = h.eks.describeAddonVersionsPaginator(b -> b.maxResults(2)).addons().stream()
                .map(a -> a.addonName()).toList();
        assertEquals(5, names.size());
        assertThrows(ResourceNotFoundException.class, () -> h.eks.describeAddonVersions(b -> b.addonName("nope")));
    }
}
