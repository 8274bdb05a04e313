package dev.ekslifecycle.local.eks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ekslifecycle.local.eks.ops.InsightOperations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.AccessScopeType;
import software.amazon.awssdk.services.eks.model.BadRequestException;
import software.amazon.awssdk.services.eks.model.InsightStatusValue;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.NotFoundException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** Access entries, tags, insights and the version catalog through the real EKS SDK client. */
class EksAccessTagsAndInsightsTest extends ManualClockEksTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/platform/admins";
    @BeforeEach
    void start() {
        h.eks.createCluster(EksHarness.cluster("c").accessConfig(a -> a.authenticationMode("API_AND_CONFIG_MAP"))
                .tags(Map.of("team", "platform")).build());
        h.clock.advance(Duration.ofMinutes(12));
    }

    @Test
    void accessEntriesAndPolicies() {
        var entry = h.eks.createAccessEntry(b -> b.clusterName("c").principalArn(ROLE).kubernetesGroups("viewers"))
                .accessEntry();
        assertEquals("STANDARD", entry.type());
        assertEquals("arn:aws:sts::000000000000:assumed-role/admins/{{SessionName}}", entry.username());
        assertTrue(entry.accessEntryArn().startsWith("arn:aws:eks:us-east-1:000000000000:access-entry/c/role/"));
        assertThrows(ResourceInUseException.class,
                () -> h.eks.createAccessEntry(b -> b.clusterName("c").principalArn(ROLE)));
        assertThrows(InvalidParameterException.class, () -> h.eks.createAccessEntry(b -> b.clusterName("c")
                .principalArn("arn:aws:iam::000000000000:role/x").kubernetesGroups("system:masters")));

        var associated = h.eks.associateAccessPolicy(b -> b.clusterName("c").principalArn(ROLE)
                .policyArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy")
                .accessScope(s -> s.type(AccessScopeType.NAMESPACE).namespaces("default")));
        assertEquals(ROLE, associated.principalArn());
        assertEquals(List.of("default"), associated.associatedAccessPolicy().accessScope().namespaces());
        assertThrows(InvalidParameterException.class, () -> h.eks.associateAccessPolicy(b -> b.clusterName("c")
                .principalArn(ROLE).policyArn("arn:aws:iam::aws:policy/AdministratorAccess")
                .accessScope(s -> s.type(AccessScopeType.CLUSTER))));
        assertThrows(ResourceNotFoundException.class, () -> h.eks.associateAccessPolicy(b -> b.clusterName("c")
                .principalArn("arn:aws:iam::000000000000:role/unknown")
                .policyArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy")
                .accessScope(s -> s.type(AccessScopeType.CLUSTER))));

        h.eks.createAccessEntry(b -> b.clusterName("c").principalArn("arn:aws:iam::000000000000:user/ci"));
        assertEquals(2, h.eks.listAccessEntries(b -> b.clusterName("c")).accessEntries().size());
        assertEquals(List.of(ROLE), h.eks.listAccessEntries(b -> b.clusterName("c")
                .associatedPolicyArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy"))
                .accessEntries());
    }

    @Test
    void accessEntriesNeedAnApiAuthenticationMode() {
        h.activeCluster("legacy", "1.30");
        var e = assertThrows(InvalidRequestException.class,
                () -> h.eks.createAccessEntry(b -> b.clusterName("legacy").principalArn(ROLE)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("authentication mode"));
    }

    @Test
    void tagsOnClustersAndNodeGroups() {
        String clusterArn = h.eks.describeCluster(b -> b.name("c")).cluster().arn();
        assertEquals(Map.of("team", "platform"), h.eks.listTagsForResource(b -> b.resourceArn(clusterArn)).tags());
        h.eks.tagResource(b -> b.resourceArn(clusterArn).tags(Map.of("env", "prod", "team", "core")));
        assertEquals(Map.of("env", "prod", "team", "core"), h.eks.describeCluster(b -> b.name("c")).cluster().tags());
        h.eks.untagResource(b -> b.resourceArn(clusterArn).tagKeys("team"));
        assertEquals(Map.of("env", "prod"), h.eks.listTagsForResource(b -> b.resourceArn(clusterArn)).tags());

        h.activeNodegroup("c", "ng", 1);
        String ngArn = h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName("ng")).nodegroup()
                .nodegroupArn();
        h.eks.tagResource(b -> b.resourceArn(ngArn).tags(Map.of("pool", "general")));
        assertEquals(Map.of("pool", "general"),
                h.eks.describeNodegroup(b -> b.clusterName("c").nodegroupName("ng")).nodegroup().tags());

        assertThrows(NotFoundException.class, () -> h.eks.listTagsForResource(
                b -> b.resourceArn("arn:aws:eks:us-east-1:000000000000:cluster/ghost")));
        assertThrows(BadRequestException.class,
                () -> h.eks.tagResource(b -> b.resourceArn(clusterArn).tags(Map.of("aws:reserved", "x"))));
    }

    @Test
    void insightsStartPassingForTheNextVersionAndFindingsCanBeSet() {
        var insights = h.eks.listInsights(b -> b.clusterName("c")).insights();
        assertEquals(3, insights.size());
        assertTrue(insights.stream().allMatch(i -> i.kubernetesVersion().equals("1.31")
                && i.insightStatus().status() == InsightStatusValue.PASSING));

        var set = h.emulator.setInsight("us-east-1", "c", new InsightOperations.Finding(
                "Deprecated APIs removed in Kubernetes v1.31", "UPGRADE_READINESS", "1.31", "ERROR",
                "Deprecated API usage detected within last 30 days", null, "Update manifests", Map.of()));
        var errors = h.eks.listInsights(b -> b.clusterName("c").filter(f -> f.statuses(InsightStatusValue.ERROR)))
                .insights();
        assertEquals(List.of(set.id()), errors.stream().map(i -> i.id()).toList());
        var described = h.eks.describeInsight(b -> b.clusterName("c").id(set.id())).insight();
        assertEquals("Update manifests", described.recommendation());
        assertEquals("Deprecated API usage detected within last 30 days", described.insightStatus().reason());
        assertThrows(ResourceNotFoundException.class, () -> h.eks.describeInsight(b -> b.clusterName("c").id("x")));

        h.emulator.setInsight("us-east-1", "c", new InsightOperations.Finding("Cluster health issues",
                "MISCONFIGURATION", "1.31", "WARNING", "Subnet running out of addresses", null, null, Map.of()));
        assertEquals(1, h.eks.listInsights(b -> b.clusterName("c").filter(f -> f.categoriesWithStrings(
                "MISCONFIGURATION"))).insights().size());

        h.eks.updateClusterVersion(b -> b.name("c").version("1.31").force(true));
        h.clock.advance(Duration.ofMinutes(10));
        var after = h.eks.listInsights(b -> b.clusterName("c")).insights();
        assertTrue(after.stream().allMatch(i -> i.kubernetesVersion().equals("1.32")), "findings move on");
    }

    @Test
    void describeClusterVersionsReportsSupportAtTheClocksTime() {
        var versions = h.eks.describeClusterVersions(b -> { }).clusterVersions();
        assertEquals(List.of("1.28", "1.29", "1.30", "1.31", "1.32", "1.33"),
                versions.stream().map(v -> v.clusterVersion()).toList());
        var v128 = versions.get(0);
        assertEquals("EXTENDED_SUPPORT", v128.versionStatusAsString());
        assertEquals(java.time.Instant.parse("2025-11-26T00:00:00Z"), v128.endOfExtendedSupportDate());
        assertEquals("STANDARD_SUPPORT", versions.get(5).versionStatusAsString());
        assertTrue(versions.get(5).defaultVersion());
        assertEquals(List.of("1.33"), h.eks.describeClusterVersions(b -> b.defaultOnly(true)).clusterVersions()
                .stream().map(v -> v.clusterVersion()).toList());

        h.clock.advance(Duration.ofDays(200));
        var later = h.eks.describeClusterVersions(b -> { }).clusterVersions();
        assertEquals("1.29", later.get(0).clusterVersion(), "on 2025-12-18 1.28 has left extended support");
        assertEquals("1.34", later.get(later.size() - 1).clusterVersion(), "and 1.34 is released");
        var all = h.eks.describeClusterVersions(b -> b.includeAll(true)).clusterVersions();
        assertEquals("UNSUPPORTED", all.get(0).versionStatusAsString());
        assertEquals(7, all.size());
    }
}
